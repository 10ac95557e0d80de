/**
 * Resource limits on evidence, declared once. A file from the other side of a case may be
 * built to exhaust memory (a one-line edge list naming node 2,000,000,000; a 3 MB XLSX that
 * inflates to gigabytes) or to hang the reader (a FIFO or a device named as evidence). Every
 * reader checks these BEFORE it allocates or reads, and refuses with an EvidenceError naming
 * the file and the limit, so the analyst can raise a limit knowingly (each loader takes an
 * option) instead of watching the process be killed.
 *
 * @example
 * LIMITS.maxXlsxUncompressedBytes   // 256 MiB
 * maxNodeIdFor({ fileBytes: 17 })   // 1048575: node ids are array indices
 */

export const LIMITS = {
  /** Largest evidence file read whole (about V8's longest string). */
  maxFileBytes: 512 * 1024 * 1024,
  /** Most data rows in one table (a table this long needs the streaming readers). */
  maxRows: 20_000_000,
  /** Total uncompressed size of the parts of an XLSX workbook (a zip bomb is refused before inflating). */
  maxXlsxUncompressedBytes: 256 * 1024 * 1024,
  /** Largest ratio uncompressed / compressed of one XLSX part (sheets compress about 10-20x). */
  maxXlsxCompressionRatio: 200,
  /** Most parts (zip entries) in an XLSX workbook. */
  maxXlsxEntries: 10_000,
  /** Node ids are array indices: below this, any id is accepted whatever the file size. */
  minNodeIdCeiling: (1 << 20) - 1,
  /** Above the floor, the largest id allowed is this many times the file's byte count. */
  nodeIdsPerByte: 1,
} as const;

/**
 * The largest node id an edge list may use as an array index: the attribute table's largest
 * node when there is one (a graph node the table does not describe would only add empty
 * rows), else a ceiling proportional to the file size (a file of B bytes holds at most B/2
 * distinct ids, so an id far beyond that is a typo or an attack, never a real graph).
 */
export function maxNodeIdFor(input: { fileBytes: number; attributeMaxNode?: number }): number {
  if (input.attributeMaxNode !== undefined) return input.attributeMaxNode;
  return Math.max(LIMITS.minNodeIdCeiling, Math.floor(input.fileBytes * LIMITS.nodeIdsPerByte));
}
