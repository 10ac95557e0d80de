/**
 * Provenance of every loaded file: what was read (path, size, SHA-256 of the raw bytes), how
 * (format, encoding, sheet) and what came out (rows, columns, columns not in the schema), and
 * when. A report prints the manifest so anyone can re-hash the evidence and check it is the
 * same file.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { TableFormat } from './format';

/**
 * Provenance of any file that changes a result (a claim in JSON, an image, an alias table):
 * what was read and its SHA-256. Tables add how they were parsed (`ProvenanceEntry`).
 */
export interface FileProvenance {
  /** Path as given by the caller (not resolved), so the report shows what the user typed. */
  path: string;
  /** Base name of the file. */
  fileName: string;
  /** Size in bytes of what was hashed and parsed. */
  bytes: number;
  /** SHA-256 (lower-case hex) of the raw bytes, before any decoding. */
  sha256: string;
  /** 'json', 'png', 'csv', … */
  format?: string;
  /** Records read from it, where that means something. */
  rows?: number;
  encoding?: string;
  columns?: string[];
  extraColumns?: string[];
  sheet?: string;
  loadedAt?: string;
}

/** Provenance of a file read whole (e.g. a JSON claim or an image): size and SHA-256 of its bytes. */
export function fileProvenance(path: string, bytes: Uint8Array, extra: Partial<FileProvenance> = {}): FileProvenance {
  return { path, fileName: path.split(/[\\/]/).pop()!, bytes: bytes.length, sha256: sha256Bytes(bytes), ...extra };
}

export interface ProvenanceEntry extends FileProvenance {
  /** Data rows returned (header excluded). */
  rows: number;
  /** Header columns in file order. */
  columns: string[];
  /** Columns present in the file but not in the schema (allowed, listed here). */
  extraColumns: string[];
  /** Column map applied before validation: our column -> the file's header (only entries used). */
  columnMap?: Record<string, string>;
  /** Text encoding used ('utf-8', 'utf-8-bom', 'gb18030', …; 'n/a (xlsx)' for workbooks). */
  encoding: string;
  /** Table format, or 'yaml' for a column-map / parameters file. */
  format: TableFormat | 'yaml';
  /** XLSX only: the sheet read. */
  sheet?: string;
  /** Schema the table was validated against. */
  schema?: string;
  /** When the file was read (ISO 8601, UTC). */
  loadedAt: string;
}

/** SHA-256 of bytes, lower-case hex. */
export function sha256Bytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * SHA-256 of a file, streamed (any size), opened read-only.
 *
 * @example
 * await sha256File('datasets/matching/displayed.csv'); // '3b1f…' (64 hex digits)
 */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = fs.createReadStream(path, { flags: 'r' });
    stream.on('error', reject);
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

/** SHA-256 of a file, synchronously, in 1 MiB chunks, opened read-only. */
export function sha256FileSync(path: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** One row of the manifest table. */
export interface ManifestRow {
  file: string;
  path: string;
  format: string;
  encoding: string;
  rows: number | string;
  columns: number | string;
  'extra columns': string;
  bytes: number;
  size: string;
  sha256: string;
  /** Only with `withLoadTime` (the wall clock would make reports differ between runs). */
  'loaded at'?: string;
}

/** Human size with binary units: 1536 -> '1.5 KiB'. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${bytes} B` : `${v.toFixed(1)} ${units[u]}`;
}

/**
 * The provenance manifest: one row per file read, sorted by path (a stable order, whatever
 * order the files were loaded in). The full SHA-256 is kept: a court must be able to compare it.
 * The load time is left out unless asked for, so the same evidence gives the same report bytes.
 *
 * @example
 * provenanceManifest([table.provenance]);
 * // [{ file: 'users.csv', path: 'datasets/users.csv', format: 'csv', encoding: 'gb18030', rows: 3,
 * //    columns: 4, 'extra columns': '', bytes: 120, size: '120 B', sha256: '…' }]
 */
export function provenanceManifest(entries: readonly FileProvenance[], options: { withLoadTime?: boolean } = {}): ManifestRow[] {
  const t = (e: FileProvenance) => e.loadedAt ?? '';
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : t(a) < t(b) ? -1 : t(a) > t(b) ? 1 : 0))
    .map((e) => ({
      file: e.sheet ? `${e.fileName} [${e.sheet}]` : e.fileName,
      path: e.path,
      format: e.format ?? '',
      encoding: e.encoding ?? '',
      rows: e.rows ?? '',
      columns: e.columns?.length ?? '',
      'extra columns': (e.extraColumns ?? []).join(', '),
      bytes: e.bytes,
      size: formatBytes(e.bytes),
      sha256: e.sha256,
      ...(options.withLoadTime ? { 'loaded at': t(e) } : {}),
    }));
}
