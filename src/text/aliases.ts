/**
 * Editable alias tables (alias -> canonical form) for schools, employers and job titles.
 *
 * A table is a plain `Map` from the NORMALISED alias (`normalizeText`) to the canonical
 * text. It loads from a file an expert can edit and put in an annex:
 * - CSV (UTF-8, header `alias,canonical`, one alias per line; lines starting with `#` are
 *   comments), or
 * - JSON: either an object `{ "北大": "北京大学" }` or an array
 *   `[{ "alias": "北大", "canonical": "北京大学" }]`.
 * The canonical form maps to itself automatically. An alias listed twice with two different
 * canonical forms is an error (it would make the result depend on line order).
 *
 * @example
 * const t = aliasTable([['北大', '北京大学'], ['PKU', '北京大学']]);
 * applyAlias(t, normalizeText('pku')) // => '北京大学'
 */
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import { decodeText } from '../io/encoding';
import { EvidenceError, type EvidenceIssue } from '../io/errors';
import { readEvidenceBytes } from '../io/evidenceFile';
import { sha256Bytes, type ProvenanceEntry } from '../io/provenance';
import { normalizeText } from './normalize';

export type AliasTable = ReadonlyMap<string, string>;

/** Build a table from [alias, canonical] pairs (aliases normalised; conflicts throw). */
export function aliasTable(pairs: Iterable<readonly [string, string]>, source = 'alias table'): AliasTable {
  const map = new Map<string, string>();
  const issues: EvidenceIssue[] = [];
  let i = 0;
  const add = (alias: string, canonical: string, row: number) => {
    const key = normalizeText(alias);
    if (!key) return;
    const prev = map.get(key);
    if (prev !== undefined && prev !== canonical) {
      issues.push({ file: source, row, column: 'alias', value: alias, message: `alias maps to both "${prev}" and "${canonical}"` });
      return;
    }
    map.set(key, canonical);
  };
  const canonicals: Array<[string, number]> = [];
  for (const [alias, canonical] of pairs) {
    i++;
    const c = String(canonical).trim();
    if (!c) {
      issues.push({ file: source, row: i, column: 'canonical', value: canonical, message: 'empty canonical form' });
      continue;
    }
    add(String(alias), c, i);
    canonicals.push([c, i]);
  }
  for (const [c, row] of canonicals) {
    const key = normalizeText(c);
    if (!map.has(key)) map.set(key, c);
    else if (map.get(key) !== c) issues.push({ file: source, row, column: 'canonical', value: c, message: `canonical form is also an alias of "${map.get(key)}"` });
  }
  if (issues.length) throw new EvidenceError(issues);
  return map;
}

/** The canonical form of an already-normalised value, or the value itself when not listed. */
export function applyAlias(table: AliasTable | undefined, normalized: string): string {
  if (!table) return normalized;
  const c = table.get(normalized);
  return c === undefined ? normalized : normalizeText(c);
}

/** Parse an alias table from CSV or JSON text (`format` from the file extension when loading). */
export function parseAliasTable(text: string, format: 'csv' | 'json', source = 'alias table'): AliasTable {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (e) {
      throw new EvidenceError([{ file: source, message: `not valid JSON: ${(e as Error).message}` }]);
    }
    if (Array.isArray(data)) {
      const issues: EvidenceIssue[] = [];
      const pairs: Array<[string, string]> = [];
      data.forEach((item, k) => {
        const r = item as Record<string, unknown> | null;
        if (!r || typeof r.alias !== 'string' || typeof r.canonical !== 'string') {
          issues.push({ file: source, row: k + 1, rowKind: 'item', value: item, message: 'expected { "alias": string, "canonical": string }' });
        } else pairs.push([r.alias, r.canonical]);
      });
      if (issues.length) throw new EvidenceError(issues);
      return aliasTable(pairs, source);
    }
    if (data && typeof data === 'object') {
      const pairs: Array<[string, string]> = [];
      for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
        if (typeof v !== 'string') throw new EvidenceError([{ file: source, column: k, value: v, message: 'canonical form must be a string' }]);
        pairs.push([k, v]);
      }
      return aliasTable(pairs, source);
    }
    throw new EvidenceError([{ file: source, message: 'expected a JSON object or array of { alias, canonical }' }]);
  }
  const lines = body.split(/\r?\n/);
  const kept = lines.map((l, k) => ({ l, line: k + 1 })).filter(({ l }) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (kept.length === 0) throw new EvidenceError([{ file: source, message: 'empty alias table' }]);
  const parsed = Papa.parse<string[]>(kept.map((k) => k.l).join('\n'), { skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    // An unclosed quote would swallow the rest of the table into one alias: refuse it.
    throw new EvidenceError(
      parsed.errors.slice(0, 50).map((e) => {
        const line = typeof e.row === 'number' ? kept[e.row]?.line : undefined;
        const message = e.code === 'MissingQuotes' ? 'a quoted field is never closed (a missing closing ")' : e.code === 'InvalidQuotes' ? 'text follows a closing quote (inside quotes write "")' : e.message;
        return { file: source, ...(line !== undefined ? { row: line, rowKind: 'line' as const } : {}), message };
      }),
    );
  }
  const header = (parsed.data[0] ?? []).map((h) => h.trim());
  const ai = header.indexOf('alias');
  const ci = header.indexOf('canonical');
  if (ai < 0 || ci < 0) {
    throw new EvidenceError([{ file: source, row: kept[0]!.line, rowKind: 'line', value: header.join(','), message: "header must name the columns 'alias' and 'canonical'" }]);
  }
  const issues: EvidenceIssue[] = [];
  const pairs: Array<[string, string]> = [];
  for (let r = 1; r < parsed.data.length; r++) {
    const row = parsed.data[r]!;
    const line = kept[r]?.line ?? r + 1;
    const alias = row[ai]?.trim() ?? '';
    const canonical = row[ci]?.trim() ?? '';
    if (!alias) issues.push({ file: source, row: line, rowKind: 'line', column: 'alias', value: row[ai] ?? '', message: 'empty alias' });
    else if (!canonical) issues.push({ file: source, row: line, rowKind: 'line', column: 'canonical', value: row[ci] ?? '', message: 'empty canonical form' });
    else pairs.push([alias, canonical]);
  }
  if (issues.length) throw new EvidenceError(issues);
  return aliasTable(pairs, source);
}

/** An alias table loaded from a file, with the file's provenance (SHA-256 of the exact bytes) for `inputs`. */
export type LoadedAliasTable = AliasTable & { readonly provenance: ProvenanceEntry };

/**
 * Load an alias table from a `.csv` or `.json` file (see the module comment for the layout)
 * through the evidence reader: regular file, size limit, encoding detected like any evidence
 * table (UTF-8, BOM, UTF-16 with BOM, GBK/GB18030; never read as garbled text), unclosed
 * quotes refused. The table carries its provenance: an alias table changes results, so its
 * SHA-256 belongs in a command's `inputs`.
 */
export function loadAliasTable(path: string): LoadedAliasTable {
  const ext = extname(path).toLowerCase();
  const name = basename(path);
  if (ext !== '.csv' && ext !== '.json') {
    throw new EvidenceError([{ file: name, message: `alias tables are .csv or .json, got '${ext || '(no extension)'}'` }]);
  }
  const bytes = readEvidenceBytes(path);
  const decoded = decodeText(bytes, { fileName: path });
  const table = parseAliasTable(decoded.text, ext === '.csv' ? 'csv' : 'json', name);
  const provenance: ProvenanceEntry = {
    path, fileName: name, bytes: bytes.byteLength, sha256: sha256Bytes(bytes), rows: table.size, columns: ['alias', 'canonical'],
    extraColumns: [], encoding: decoded.encoding, format: ext === '.csv' ? 'csv' : 'json', schema: 'alias-table', loadedAt: new Date().toISOString(),
  };
  return Object.assign(table as Map<string, string>, { provenance });
}

/** Merge tables; later tables override earlier ones for the same alias. */
export function mergeAliasTables(...tables: Array<AliasTable | undefined>): AliasTable {
  const out = new Map<string, string>();
  for (const t of tables) if (t) for (const [k, v] of t) out.set(k, v);
  return out;
}
