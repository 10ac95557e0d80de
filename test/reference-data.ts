/**
 * Public reference data (FEBRL, SNAP ego-Facebook, LastFM Asia) is committed in datasets/reference/ (each
 * folder's README: origin, licence, SHA-256, checked by test/reference-datasets.test.ts), so
 * the tests that read it always run, in any clone.
 */
import { join } from 'node:path';

export const referenceDatasets = join(__dirname, '..', 'datasets', 'reference');
