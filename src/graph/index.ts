/**
 * Graphs on typed arrays (a foundation: imports no inference area). One compressed-sparse-row
 * builder for every area that walks contacts (collaborative filtering, shadow profiles).
 */
export { csrFromEdges, neighbours, degree, edgeCount, simplifyGraph, type CsrGraph, type CsrOptions } from './csr';
