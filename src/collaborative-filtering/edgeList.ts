/**
 * Streamed loader for edge-list files: one edge per line as "u v" (whitespace-separated
 * non-negative integers), optional third column = weight, LF or CRLF endings (the SNAP files
 * use CRLF), blank lines and lines starting with '#' or '%' ignored. The file is read in
 * chunks and parsed byte by byte into growable typed arrays, so a 100M-edge file never
 * becomes strings or per-edge objects. Any malformed line throws an `EvidenceError` naming the
 * file, line number and offending text; a partial graph is never returned.
 *
 * @example
 * const { graph, provenance } = await loadEdgeList('../shared/datasets/snap-ego-facebook/facebook/facebook_combined.txt');
 * graph.n; // => 4039
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { EvidenceError, type EvidenceIssue } from '../io/errors';
import { csrFromEdges, type CsrGraph } from '../graph/csr';

export interface EdgeListOptions {
  /** Map original ids to 0..n-1 in order of first appearance (default false: ids used as-is, n = max id + 1). */
  relabel?: boolean;
  /** Read a third column as a closeness weight (default false). */
  weighted?: boolean;
  /** Called as chunks are read: (bytes read, file size). */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadedEdgeList {
  graph: CsrGraph;
  /** Original id of each node when `relabel` is true. */
  originalIds?: Int32Array;
  edges: number;
  provenance: { path: string; fileName: string; bytes: number; sha256: string; rows: number; format: 'edge-list' };
}

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
  const bytes = statSync(path).size;
  const src = new Growable();
  const dst = new Growable();
  const wts: number[] = [];
  const hash = createHash('sha256');
  const issues: EvidenceIssue[] = [];
  let line = 1;
  // Per-line parse state.
  let field = 0; // number of completed fields on this line
  let cur = -1; // current number being read (-1 = none)
  let fracText = ''; // weight text (third column), kept as text and parsed at line end
  let vals = [0, 0];
  let bad = '';
  let comment = false;
  let read = 0;

  const endField = () => {
    if (cur < 0) return;
    if (field < 2) vals[field] = cur;
    field++;
    cur = -1;
  };
  const endLine = () => {
    endField();
    const blank = bad === '' && field === 0 && fracText === '';
    if (!comment && !blank) {
      const ok = bad === '' && (options.weighted ? field === 2 && fracText !== '' : field === 2 && fracText === '');
      if (!ok) {
        if (issues.length < 50) {
          issues.push({
            file,
            row: line,
            rowKind: 'line',
            value: bad || `${field} field(s)`,
            message: options.weighted ? 'expected "u v weight" with non-negative integer ids and a number' : 'expected "u v" with two non-negative integer ids',
          });
        }
      } else {
        src.push(vals[0]!);
        dst.push(vals[1]!);
        if (options.weighted) {
          const w = Number(fracText);
          if (!Number.isFinite(w) && issues.length < 50) issues.push({ file, row: line, rowKind: 'line', column: 'weight', value: fracText, message: 'weight is not a finite number' });
          wts.push(w);
        }
      }
    }
    field = 0;
    cur = -1;
    fracText = '';
    bad = '';
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
      if (c === 10) {
        endLine();
        continue;
      }
      if (comment) continue;
      if (c === 13) continue; // CR of CRLF
      if (field === 0 && cur < 0 && (c === 35 || c === 37)) {
        comment = true;
        continue;
      }
      if (c === 32 || c === 9 || c === 44) {
        endField();
        continue;
      }
      if (field >= 2) {
        if (options.weighted && field === 2) fracText += String.fromCharCode(c);
        else if (bad.length < 40) bad += String.fromCharCode(c);
        continue;
      }
      if (c >= 48 && c <= 57) {
        cur = cur < 0 ? c - 48 : cur * 10 + (c - 48);
        if (cur > 2147483647 && bad === '') bad = 'id above 2^31-1';
      } else if (bad.length < 40) bad += String.fromCharCode(c);
    }
    options.onProgress?.(read, bytes);
  }
  if (field > 0 || cur >= 0 || fracText !== '' || bad !== '') endLine();
  if (issues.length) throw new EvidenceError(issues, { truncated: issues.length >= 50 });

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
  const graph = csrFromEdges(n, s, d, options.weighted ? { weights: Float64Array.from(wts) } : {});
  return {
    graph,
    ...(originalIds ? { originalIds } : {}),
    edges: s.length,
    provenance: { path, fileName: file, bytes, sha256: hash.digest('hex'), rows: s.length, format: 'edge-list' },
  };
}
