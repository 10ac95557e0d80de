/**
 * Display foundation: MIME bundles for Jupyter (tslab) and HTML escaping, below both `plot`
 * and `report` (which import it; it imports neither).
 */
export * from './mime';
