/**
 * Streamed loader for edge-list files: one edge per line as "u v" (whitespace- or
 * comma-separated non-negative integers), with `weighted` an optional third column = the
 * closeness weight (a line without it has closeness 1, as the help says); LF, CRLF or mixed
 * endings (the SNAP files use CRLF), blank lines and lines starting with '#' or '%' ignored.
 * The file is read in chunks and parsed byte by byte into growable typed arrays, so a
 * 100M-edge file never becomes strings or per-edge objects.
 *
 * Refused, each as an `EvidenceError` naming the file, line, column and text (never a
 * partial graph): a column that is not a non-negative integer id; a fourth column (or a third
 * one in an unweighted list) instead of it being glued onto the weight; a weight that is not
 * a plain finite number; an id above the declared limit (`maxNodeId`, default from
 * src/io/limits: the attribute table's largest node, or a ceiling proportional to the file
 * size) — checked while parsing, before any array is sized by the largest id, so a one-line
 * file naming node 2,000,000,000 cannot exhaust memory; a file with no edge at all; a path
 * that is not a regular file (a FIFO would hang the reader).
 *
 * @example
 * const { graph, provenance } = await loadEdgeList('datasets/reference/snap-ego-facebook/facebook/facebook_combined.txt');
 * graph.n; // => 4039
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { EvidenceError, type EvidenceIssue } from '../io/errors';
import { assertRegularFile } from '../io/evidenceFile';
import { maxNodeIdFor } from '../io/limits';
import { csrFromEdges, type CsrGraph } from '../graph/csr';

export interface EdgeListOptions {
  /** Map original ids to 0..n-1 in order of first appearance (default false: ids used as-is, n = max id + 1). */
  relabel?: boolean;
  /** Read a third column as a closeness weight, 1 when absent (default false: two columns only). */
  weighted?: boolean;
  /**
   * Largest id accepted when ids are used as-is (default `maxNodeIdFor({ fileBytes })`);
   * pass the attribute table's largest node so a graph node it does not describe is refused.
   */
  maxNodeId?: number;
  /** Where `maxNodeId` comes from, for the message (e.g. 'the attribute table attributes.csv'). */
  maxNodeIdSource?: string;
  /** Called as chunks are read: (bytes read, file size). */
  onProgress?: (done: number, total: number) => void;
  /** A header line the file must start with (e.g. `node_1,node_2`), skipped; any other first line is refused. */
  header?: string;
}

export interface LoadedEdgeList {
  graph: CsrGraph;
  /** Original id of each node when `relabel` is true. */
  originalIds?: Int32Array;
  edges: number;
  provenance: { path: string; fileName: string; bytes: number; sha256: string; rows: number; format: 'edge-list' };
}

const COLUMN_NAMES = ['u', 'v', 'closeness'];
const WEIGHT = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MAX_INT32 = 2147483647;

class Growable {
  buf: Int32Array;
  len = 0;
  constructor(cap = 1 << 16) {
    this.buf = new Int32Array(cap);
  }
  push(x: number): void {
    if (this.len === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = x;
  }
  view(): Int32Array {
    return this.buf.subarray(0, this.len);
  }
}

/** Load an edge-list file into a CSR graph (undirected, both arcs stored). */
export async function loadEdgeList(path: string, options: EdgeListOptions = {}): Promise<LoadedEdgeList> {
  const file = basename(path);
  const bytes = assertRegularFile(path);
  const weighted = options.weighted ?? false;
  const maxId = options.relabel ? MAX_INT32 : Math.min(MAX_INT32, options.maxNodeId ?? maxNodeIdFor({ fileBytes: bytes }));
  const limitWhy = options.relabel
    ? 'ids must fit in 32 bits'
    : options.maxNodeId !== undefined
      ? `the largest node of ${options.maxNodeIdSource ?? 'the declared node table'}`
      : `the limit for a ${bytes}-byte file (ids are array indices: a larger id would allocate memory for every id below it; relabel the ids to 0..n-1)`;
  const src = new Growable();
  const dst = new Growable();
  const wts: number[] = [];
  const hash = createHash('sha256');
  const issues: EvidenceIssue[] = [];
  const maxCols = weighted ? 3 : 2;
  let line = 1;
  // Per-line parse state.
  let tok = 0; // index of the token being read (or the next one)
  let inTok = false;
  let cur = 0; // numeric value of an id token
  let curBad = false; // the token holds a character that is not a digit
  let digits = 0; // digits read in the current id token
  let text = ''; // the token's text (kept short) for messages and the weight
  let vals = [0, 0];
  let weightText = '';
  let lineError: EvidenceIssue | null = null;
  let comment = false;
  let read = 0;
  const header = options.header;
  let headerText = '';
  const checkHeader = () => {
    if (headerText !== header) issues.push({ file, row: 1, rowKind: 'line', value: headerText.slice(0, 80), message: `expected the header line "${header}"` });
  };

  const fail = (column: number, value: string, message: string) => {
    lineError ??= { file, row: line, rowKind: 'line', column: COLUMN_NAMES[column] ?? `column ${column + 1}`, value, message };
  };
  const endTok = () => {
    if (!inTok) return;
    if (tok < 2) {
      if (curBad) fail(tok, text, `column ${tok + 1} is not a non-negative integer node id`);
      else if (cur > maxId) {
        const shown = cur > MAX_INT32 ? `${String(cur).slice(0, 10)}…` : String(cur);
        fail(tok, shown, `node id ${shown} is above ${maxId}, ${limitWhy}`);
      }
      else vals[tok] = cur;
    } else if (tok === 2 && weighted) {
      weightText = text;
    } else {
      fail(tok, text, weighted
        ? `unexpected column ${tok + 1}: a line is "u v" or "u v closeness" (is a separator missing, or a decimal comma?)`
        : `unexpected column ${tok + 1}: this graph is read unweighted, a line is "u v"`);
    }
    tok++;
    inTok = false;
  };
  const endLine = () => {
    endTok();
    if (!comment && tok > 0) {
      if (lineError === null && tok === 1) fail(1, text, 'only one node id: a line is "u v"' + (weighted ? ' or "u v closeness"' : ''));
      let w = 1;
      if (lineError === null && weighted && tok === 3) {
        w = Number(weightText);
        if (!WEIGHT.test(weightText) || !Number.isFinite(w)) fail(2, weightText, 'closeness is not a plain non-negative finite number (e.g. 0.5)');
      }
      if (lineError !== null) {
        if (issues.length < 50) issues.push(lineError);
      } else {
        src.push(vals[0]!);
        dst.push(vals[1]!);
        if (weighted) wts.push(w);
      }
    }
    tok = 0;
    inTok = false;
    text = '';
    weightText = '';
    lineError = null;
    comment = false;
    vals = [0, 0];
    line++;
  };

  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    read += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (header !== undefined && line === 1) {
        if (c === 10) {
          checkHeader();
          line++;
        } else if (c !== 13 && headerText.length < 200) headerText += String.fromCharCode(c);
        continue;
      }
      if (c === 10) {
        endLine();
        continue;
      }
      if (comment) continue;
      if (c === 13 || c === 32 || c === 9 || c === 44) {
        endTok(); // CR of CRLF (or a lone CR), space, tab, comma
        continue;
      }
      if (tok === 0 && !inTok && (c === 35 || c === 37)) {
        comment = true;
        continue;
      }
      if (!inTok) {
        inTok = true;
        cur = 0;
        curBad = false;
        digits = 0;
        text = '';
      }
      if (tok < 2) {
        // Ids: digits accumulate as a number only (no string per byte on the hot path); the
        // text is kept from the first non-digit on, for the message.
        if (c >= 48 && c <= 57 && !curBad) {
          digits++;
          if (cur <= MAX_INT32) cur = cur * 10 + (c - 48);
        } else {
          if (!curBad) text = digits > 0 ? String(cur) : '';
          curBad = true;
          if (text.length < 40) text += String.fromCharCode(c);
        }
      } else if (text.length < 40) text += String.fromCharCode(c);
    }
    options.onProgress?.(read, bytes);
  }
  if (header !== undefined && line === 1) checkHeader();
  if (tok > 0 || inTok) endLine();
  if (issues.length) throw new EvidenceError(issues, { truncated: issues.length >= 50 });
  if (src.len === 0) {
    throw new EvidenceError({ file, message: `no edges: the file has ${line - 1} line(s) but none is an edge "u v"${weighted ? ' [closeness]' : ''} (only blank lines or comments)` });
  }

  const s = src.view();
  const d = dst.view();
  let n = 0;
  let originalIds: Int32Array | undefined;
  if (options.relabel) {
    const map = new Map<number, number>();
    const orig: number[] = [];
    for (let i = 0; i < s.length; i++) {
      for (const arr of [s, d]) {
        const x = arr[i]!;
        let id = map.get(x);
        if (id === undefined) {
          id = orig.length;
          map.set(x, id);
          orig.push(x);
        }
        arr[i] = id;
      }
    }
    n = orig.length;
    originalIds = Int32Array.from(orig);
  } else {
    for (let i = 0; i < s.length; i++) {
      if (s[i]! >= n) n = s[i]! + 1;
      if (d[i]! >= n) n = d[i]! + 1;
    }
  }
  const graph = csrFromEdges(n, s, d, weighted ? { weights: Float64Array.from(wts) } : {});
  return {
    graph,
    ...(originalIds ? { originalIds } : {}),
    edges: s.length,
    provenance: { path, fileName: file, bytes, sha256: hash.digest('hex'), rows: s.length, format: 'edge-list' },
  };
}
