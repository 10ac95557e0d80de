/**
 * Evidence I/O: read profile tables (CSV/TSV in UTF-8, UTF-8 with BOM, UTF-16 with BOM,
 * GBK/GB18030; JSON; JSONL; XLSX) against a declarative schema, with a provenance entry per
 * file; write outputs atomically. Errors are EvidenceErrors naming file, row, column, value.
 */
export { EvidenceError, IssueCollector, LimitError, MAX_ISSUES, formatIssue, formatValue } from './errors';
export type { EvidenceIssue, EvidenceErrorOptions, RowKind } from './errors';
export { COLUMN_TYPES, TYPE_DESCRIPTIONS, assertValidSchema, describeSchema } from './schema';
export type { CellValue, ColumnSpec, ColumnType, Row, RowOf, SchemaRow, TableSchema } from './schema';
export { decodeText, gbStructure } from './encoding';
export type { DecodedText, DecodeOptions } from './encoding';
export { TABLE_FORMATS, formatFromFileName } from './format';
export type { TableFormat } from './format';
export { parseDelimited } from './csv';
export { parseJsonArray, parseJsonLines } from './json';
export { columnLetter, parseXlsx } from './xlsx';
export { convertCell, EMPTY } from './cells';
export { validateTable } from './validate';
export type { RawCell, RawRecord, RawTable } from './raw';
export { fileProvenance, formatBytes, provenanceManifest, sha256Bytes, sha256File, sha256FileSync } from './provenance';
export type { FileProvenance, ManifestRow, ProvenanceEntry } from './provenance';
export { writeFileAtomic } from './atomic';
export { DEFAULT_MAX_BYTES, parseTable, readTable } from './readTable';
export { applyColumnMap, checkColumnMap, columnLabel, columnMapFromOptions, parseColumnMap, parseColumnOption, readColumnMap } from './columns';
export type { ColumnMap, LoadedColumnMap, MappedTable } from './columns';
export type { LoadedTable, ParseOptions, ParseTableOptions, ReadTableOptions } from './readTable';
export { danfo, toDataFrame } from './dataframe';
export { DATASETS_DIR, datasetCatalogue, datasetFile, datasetMetadata, syntheticSources } from './datasets';
export type { DatasetMatch, DatasetMetadata } from './datasets';
export {
  ANY_EVIDENCE_YEARS, CST_OFFSET_MINUTES, EVIDENCE_YEARS, TimeError, dateBounds, formatTimestamp, instantFromXlsxDate, parseCalendarDate,
  parseDateOption, parseInstantOption, parseTimestamp, wallClockText, writtenOffsetMinutes,
} from './time';
export type { PlausibleYears } from './time';
export { LIMITS, maxNodeIdFor } from './limits';
export { assertRegularFile, openEvidence, readEvidenceBytes } from './evidenceFile';
export { checkZipBudget } from './xlsx';
