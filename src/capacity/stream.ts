/**
 * Streaming reader of request timestamps for files too large to load (10^8 requests and up),
 * and the streamed rate analysis built on it.
 *
 * Supported formats (say which in `format`; nothing is guessed):
 * - 'f64le': raw little-endian IEEE-754 float64 epoch SECONDS, 8 bytes per request, no header
 *   (what `writeTimestampsF64` writes). The fastest: 10^8 requests = 800 MB.
 * - 'lines': UTF-8 text, one timestamp per line, either epoch seconds as a decimal number
 *   ('1404144000.25') or an ISO 8601 date-time ('2014-07-01 08:00:00', '2014-07-01T00:00:00Z',
 *   '...+08:00'; text without an offset is read as CST, see ./time). Empty lines and lines
 *   starting with '#' are skipped; CRLF is accepted. A header line is NOT allowed.
 *
 * The records must be sorted by time; an out-of-order or future-dated record (after
 * `asOfSeconds`) or an unreadable line stops the read with an EvidenceError naming the line
 * (text) or the 1-based record number (binary). Equal consecutive timestamps are accepted and
 * counted (`gaps.zeroGaps`). The file's SHA-256 is computed while reading, so the figures can
 * be tied to the exact bytes analysed.
 *
 * @example
 * await writeTimestampsF64('/tmp/ts.f64', Float64Array.of(1404144000, 1404144002.5));
 * const r = await analyseRateStream('/tmp/ts.f64', { format: 'f64le' });
 * r.summary.records         // 2
 * r.summary.gaps.mean       // 2.5
 */
import { assertRegularFile } from '../io/evidenceFile';
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { endianness } from 'node:os';
import { basename } from 'node:path';
import { EvidenceError } from '../io/errors';
import { RateAccumulator, type RateOptions, type RateSummary } from './rate';
import { parseTimestamp } from './time';

export type TimestampFileFormat = 'f64le' | 'lines';

export interface StreamOptions {
  format: TimestampFileFormat;
  /** Bytes read per chunk (default 8 MiB). */
  chunkBytes?: number;
  /** Offset (minutes) for ISO text without an offset (default CST +480). */
  defaultOffsetMinutes?: number;
  /** Compute the file's SHA-256 while reading (default true). */
  hash?: boolean;
}

export interface TimestampChunk {
  /** Timestamps (epoch seconds); only the first `length` are valid. */
  values: Float64Array;
  length: number;
  /** 1-based record number of values[0] in the file. */
  firstRecord: number;
  /** For 'lines': the file line number of each value (same indexing as values). */
  lines?: Int32Array;
}

export interface StreamProvenance {
  path: string;
  fileName: string;
  bytes: number;
  sha256: string | null;
  format: TimestampFileFormat;
  records: number;
}

/**
 * Read a timestamp file chunk by chunk. Calls `onChunk` for each chunk (the arrays are reused
 * between calls: copy what you keep) and returns the provenance of the file.
 */
export async function readTimestampChunks(
  path: string,
  options: StreamOptions,
  onChunk: (chunk: TimestampChunk) => void,
): Promise<StreamProvenance> {
  const chunkBytes = Math.max(64, Math.floor((options.chunkBytes ?? 8 * 1024 * 1024) / 8) * 8);
  const hash = options.hash === false ? null : createHash('sha256');
  assertRegularFile(path); // before opening: a FIFO would block the open forever
  const info = await stat(path);
  const fh = await open(path, 'r');
  const file = basename(path);
  let records = 0;
  try {
    if (options.format === 'f64le') {
      const le = endianness() === 'LE';
      const ab = new ArrayBuffer(chunkBytes + 8);
      const buf = Buffer.from(ab);
      const values = new Float64Array(ab);
      const view = new DataView(ab);
      let carry = 0; // bytes left over from the previous read (< 8)
      for (;;) {
        const { bytesRead } = await fh.read(buf, carry, chunkBytes, null);
        if (bytesRead === 0) break;
        if (hash) hash.update(buf.subarray(carry, carry + bytesRead));
        const total = carry + bytesRead;
        const whole = Math.floor(total / 8);
        if (!le) for (let i = 0; i < whole; i++) values[i] = view.getFloat64(i * 8, true);
        onChunk({ values, length: whole, firstRecord: records + 1 });
        records += whole;
        carry = total - whole * 8;
        if (carry) buf.copy(buf, 0, whole * 8, total);
      }
      if (carry) {
        throw new EvidenceError({ file, message: `file size ${info.size} bytes is not a multiple of 8: not a float64 timestamp file (format 'f64le'), or truncated` });
      }
    } else if (options.format === 'lines') {
      const buf = Buffer.allocUnsafe(chunkBytes + 4096);
      const cap = Math.ceil(buf.length / 2) + 1;
      const values = new Float64Array(cap);
      const lines = new Int32Array(cap);
      let carry = 0;
      let lineNo = 0;
      const defaultOffsetMinutes = options.defaultOffsetMinutes;
      let eof = false;
      while (!eof) {
        const { bytesRead } = await fh.read(buf, carry, buf.length - carry - 1, null);
        if (bytesRead === 0) eof = true;
        if (hash && bytesRead) hash.update(buf.subarray(carry, carry + bytesRead));
        let end = carry + bytesRead;
        if (eof && end > 0 && buf[end - 1] !== 0x0a) buf[end++] = 0x0a; // final line without newline
        let start = 0;
        let k = 0;
        for (let i = 0; i < end; i++) {
          if (buf[i] !== 0x0a) continue;
          lineNo++;
          let e = i;
          if (e > start && buf[e - 1] === 0x0d) e--;
          // trim spaces
          let s = start;
          while (s < e && (buf[s] === 0x20 || buf[s] === 0x09)) s++;
          while (e > s && (buf[e - 1] === 0x20 || buf[e - 1] === 0x09)) e--;
          start = i + 1;
          if (s === e || buf[s] === 0x23 /* # */) continue;
          let v = parseDecimal(buf, s, e);
          if (Number.isNaN(v)) {
            const text = buf.toString('utf8', s, e);
            try {
              v = parseTimestamp(text, { defaultOffsetMinutes }) / 1000;
            } catch (err) {
              throw new EvidenceError({ file, row: lineNo, rowKind: 'line', value: text, message: `not a timestamp (epoch seconds or ISO 8601): ${(err as Error).message}` });
            }
          }
          values[k] = v;
          lines[k] = lineNo;
          k++;
          if (k === cap) {
            onChunk({ values, length: k, firstRecord: records + 1, lines });
            records += k;
            k = 0;
          }
        }
        if (k) {
          onChunk({ values, length: k, firstRecord: records + 1, lines });
          records += k;
        }
        carry = end - start;
        if (carry && !eof) {
          if (carry > 4096) {
            throw new EvidenceError({ file, row: lineNo + 1, rowKind: 'line', message: 'line too long for a timestamp' });
          }
          buf.copy(buf, 0, start, end);
        }
      }
    } else {
      throw new RangeError(`unknown timestamp file format '${String((options as StreamOptions).format)}' (use 'f64le' or 'lines')`);
    }
  } finally {
    await fh.close();
  }
  return { path, fileName: file, bytes: info.size, sha256: hash ? hash.digest('hex') : null, format: options.format, records };
}

/** Parse an unsigned/signed decimal number 'ddd[.ddd]' from bytes; NaN if it is anything else. */
function parseDecimal(buf: Buffer, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (buf[i] === 0x2d) { neg = true; i++; }
  let int = 0;
  let digits = 0;
  while (i < e) {
    const c = buf[i]! - 0x30;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
    digits++;
    i++;
  }
  let frac = 0;
  let scale = 1;
  if (i < e && buf[i] === 0x2e) {
    i++;
    while (i < e) {
      const c = buf[i]! - 0x30;
      if (c < 0 || c > 9) break;
      frac = frac * 10 + c;
      scale *= 10;
      digits++;
      i++;
    }
  }
  if (i !== e || digits === 0 || digits > 17) return Number.NaN;
  const v = int + frac / scale;
  return neg ? -v : v;
}

export interface StreamRateResult {
  summary: RateSummary;
  provenance: StreamProvenance;
}

/**
 * Streamed rate analysis of a sorted timestamp file (see the module comment for formats and
 * for what is refused). Memory is O(chunk), independent of the file size.
 */
export async function analyseRateStream(path: string, options: StreamOptions & RateOptions): Promise<StreamRateResult> {
  const acc = new RateAccumulator({ ...options, source: options.source ?? basename(path) });
  const provenance = await readTimestampChunks(path, options, (c) => {
    if (c.lines) {
      const lines = c.lines;
      const first = c.firstRecord;
      acc.addBatch(c.values, c.length, first, 'line', (rec) => lines[rec - first]!);
    } else acc.addBatch(c.values, c.length, c.firstRecord, 'item');
  });
  return { summary: acc.summary(), provenance };
}

/** Write epoch-second timestamps as a 'f64le' file (little-endian float64, no header). */
export async function writeTimestampsF64(path: string, timestamps: Float64Array): Promise<void> {
  const fh = await open(path, 'w');
  try {
    let bytes: Buffer;
    if (endianness() === 'LE') bytes = Buffer.from(timestamps.buffer, timestamps.byteOffset, timestamps.byteLength);
    else {
      bytes = Buffer.alloc(timestamps.length * 8);
      for (let i = 0; i < timestamps.length; i++) bytes.writeDoubleLE(timestamps[i]!, i * 8);
    }
    await fh.write(bytes);
  } finally {
    await fh.close();
  }
}
