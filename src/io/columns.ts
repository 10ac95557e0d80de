/**
 * Column maps: evidence arrives in its own column names (`displayed_id`, `avatar_phash`,
 * 姓名, 单位 …), the schemas use ours (`display_id`, `avatar_hash`, `name`, `employer` …). A
 * column map `{ ours: theirs }` renames the file's headers before schema validation
 * (`readTable(path, schema, { columns })`); the evidence itself is never modified, the
 * provenance keeps the file's own headers and records the map applied.
 *
 * Rules (each break is an EvidenceError naming the file):
 * - an entry whose `ours` is not a column of the schema is ignored, so one map can serve every
 *   table of a case (displayed, source, answer key);
 * - an entry whose `theirs` is not a header of the file is ignored when the file already has
 *   the column under our name, and otherwise reported as unmapped when the column is required;
 * - two of our columns cannot take the same header of theirs, and a header cannot be renamed
 *   onto a column the file already has under our name;
 * - after mapping, every required column must be present: one issue names the unmapped
 *   required columns and lists the file's headers.
 *
 * A map file (`readColumnMap`) is YAML or JSON, `ours: theirs` per line, read through the
 * evidence reader (read-only, size-limited, encoding detected: a GBK file of Chinese headers
 * reads too), with its own provenance entry (SHA-256) for the report's material examined.
 *
 * @example
 * const map = { display_id: 'displayed_id', name: '姓名', employer: '单位', avatar_hash: '头像哈希' };
 * const { rows, provenance } = await readTable('shown.csv', LINKAGE_DISPLAYED_SCHEMA, { columns: map });
 * provenance.columnMap; // { display_id: 'displayed_id', name: '姓名', … } (entries applied)
 * parseColumnOption('employer=单位'); // ['employer', '单位']
 */
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeText } from './encoding';
import { EvidenceError, type EvidenceIssue } from './errors';
import { readEvidenceBytes } from './evidenceFile';
import { sha256Bytes, type ProvenanceEntry } from './provenance';
import type { RawTable } from './raw';
import type { TableSchema } from './schema';

/** `{ ours: theirs }`: our schema's column name -> the header in the evidence file. */
export type ColumnMap = Readonly<Record<string, string>>;

/**
 * One `--column ours=theirs` option as a pair. The first '=' splits (a header of theirs may
 * contain '='); both sides are trimmed and must be non-empty. Throws TypeError with the
 * expected form (the CLI reports it as a usage error).
 *
 * @example
 * parseColumnOption('name=姓名');          // ['name', '姓名']
 * parseColumnOption(' avatar_hash = 头像哈希 '); // ['avatar_hash', '头像哈希']
 */
export function parseColumnOption(spec: string): [ours: string, theirs: string] {
  const i = spec.indexOf('=');
  const ours = i < 0 ? '' : spec.slice(0, i).trim();
  const theirs = i < 0 ? '' : spec.slice(i + 1).trim();
  if (!ours || !theirs) {
    throw new TypeError(`column mapping ${JSON.stringify(spec)}: expected ours=theirs, e.g. name=姓名 (our column name = the header in your file)`);
  }
  return [ours, theirs];
}

/**
 * Several `--column ours=theirs` options (and an optional base map, e.g. from a file) as one
 * map; a later option for the same column replaces the earlier one.
 */
export function columnMapFromOptions(specs: readonly string[], base: ColumnMap = {}): ColumnMap {
  const map: Record<string, string> = { ...base };
  for (const s of specs) {
    const [ours, theirs] = parseColumnOption(s);
    map[ours] = theirs;
  }
  return map;
}

/** Check a map declared in code or read from a file: non-empty string names; issues for the file. */
function mapIssues(map: unknown, file: string): EvidenceIssue[] {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    return [{ file, value: map, message: 'a column map must be a mapping of our column name to your header, e.g. `name: 姓名` per line' }];
  }
  const issues: EvidenceIssue[] = [];
  const byTheirs = new Map<string, string>();
  for (const [ours, theirs] of Object.entries(map as Record<string, unknown>)) {
    if (!ours.trim()) issues.push({ file, column: ours, message: 'empty column name on the left (ours)' });
    if (typeof theirs !== 'string' || !theirs.trim()) {
      issues.push({ file, column: ours, value: theirs, message: 'the header of your file (right-hand side) must be a non-empty text' });
      continue;
    }
    const t = theirs.trim();
    const prev = byTheirs.get(t);
    if (prev !== undefined) issues.push({ file, column: ours, value: t, message: `header '${t}' is already mapped to '${prev}': one header of yours can feed one column of ours` });
    else byTheirs.set(t, ours);
  }
  return issues;
}

/** The map with names trimmed; throws EvidenceError (naming `file`) when it is malformed. */
export function checkColumnMap(map: unknown, file: string): ColumnMap {
  const issues = mapIssues(map, file);
  if (issues.length) throw new EvidenceError(issues);
  const out: Record<string, string> = {};
  for (const [ours, theirs] of Object.entries(map as Record<string, string>)) out[ours.trim()] = theirs.trim();
  return out;
}

export interface MappedTable {
  raw: RawTable;
  /** The entries that renamed a header of the file (ours -> theirs). */
  applied: Record<string, string>;
}

/**
 * Rename the file's headers by the map (before validation). Throws one EvidenceError naming
 * the file when the map conflicts with the file or required columns stay unmapped (listing
 * them and every header of the file). Pure: the input table is not modified.
 */
export function applyColumnMap(raw: RawTable, schema: TableSchema, map: ColumnMap, fileName: string): MappedTable {
  const mapName = `column map for ${fileName}`;
  const checked = checkColumnMap(map, mapName);
  const ourColumns = new Set(schema.columns.map((c) => c.name));
  const header = [...raw.header];
  const position = new Map(header.map((h, i) => [h, i] as const));
  const applied: Record<string, string> = {};
  const issues: EvidenceIssue[] = [];
  for (const [ours, theirs] of Object.entries(checked)) {
    if (!ourColumns.has(ours)) continue;
    const at = position.get(theirs);
    if (at === undefined || ours === theirs) continue;
    if (position.has(ours)) {
      issues.push({ file: fileName, column: theirs, message: `cannot map header '${theirs}' to '${ours}': the file already has a column '${ours}' (drop one of the two, or remove this mapping)` });
      continue;
    }
    header[at] = ours;
    applied[ours] = theirs;
  }
  const present = new Set(header);
  const unmapped = schema.columns.filter((c) => c.required !== false && !present.has(c.name)).map((c) => c.name);
  if (unmapped.length) {
    const asked = unmapped.filter((c) => checked[c] !== undefined).map((c) => `'${c}' <- '${checked[c]}' (no such header)`);
    issues.push({
      file: fileName,
      message:
        `required column${unmapped.length > 1 ? 's' : ''} of schema '${schema.name}' not found after the column map: ${unmapped.map((c) => `'${c}'`).join(', ')}` +
        (asked.length ? `; mapped but missing: ${asked.join(', ')}` : '') +
        `. The file's headers: ${raw.header.length ? raw.header.map((h) => `'${h}'`).join(', ') : '(none)'}. ` +
        `Map each as ours=theirs (command line: --column ${unmapped[0]}=<your header>, or a --columns file with '${unmapped[0]}: <your header>').`,
    });
  }
  if (issues.length) throw new EvidenceError(issues);
  return { raw: { ...raw, header }, applied };
}

/** For messages after mapping: our column name as the user knows it (`'头像哈希' (avatar_hash)`). */
export function columnLabel(ours: string, applied: Readonly<Record<string, string>>): string {
  const theirs = applied[ours];
  return theirs === undefined ? ours : `${theirs} (= ${ours})`;
}

export interface LoadedColumnMap {
  map: ColumnMap;
  provenance: ProvenanceEntry;
}

/**
 * Read a column-map file: YAML (.yaml/.yml) or JSON (.json), one `ours: theirs` entry each,
 * e.g. `name: 姓名`. Opened read-only through the evidence reader; the provenance entry (SHA-256
 * of the bytes) goes into the report's material examined. Throws EvidenceError naming the file.
 *
 * @example
 * const { map, provenance } = await readColumnMap('case/columns.yaml');
 * await readTable('shown.csv', schema, { columns: map });
 */
export async function readColumnMap(filePath: string): Promise<LoadedColumnMap> {
  const bytes = readEvidenceBytes(filePath, 1024 * 1024);
  return parseColumnMap(bytes, filePath);
}

/** The pure core of readColumnMap: bytes of a YAML/JSON map -> map + provenance. */
export function parseColumnMap(bytes: Uint8Array, filePath: string): LoadedColumnMap {
  const ext = path.extname(filePath).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    throw new EvidenceError({ file: filePath, message: `a column map is a .yaml, .yml or .json file (got '${ext || '(none)'}')` });
  }
  if (bytes.length === 0) throw new EvidenceError({ file: filePath, message: 'file is empty (0 bytes)' });
  const decoded = decodeText(bytes, { fileName: filePath });
  let data: unknown;
  try {
    data = ext === '.json' ? JSON.parse(decoded.text) : parseYaml(decoded.text);
  } catch (e) {
    throw new EvidenceError({ file: filePath, message: `not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}` });
  }
  const map = checkColumnMap(data, filePath);
  if (Object.keys(map).length === 0) throw new EvidenceError({ file: filePath, message: 'the column map has no entries (expected `ours: theirs` lines)' });
  const provenance: ProvenanceEntry = {
    path: filePath,
    fileName: path.basename(filePath),
    bytes: bytes.byteLength,
    sha256: sha256Bytes(bytes),
    rows: Object.keys(map).length,
    columns: ['ours', 'theirs'],
    extraColumns: [],
    encoding: decoded.encoding,
    format: ext === '.json' ? 'json' : 'yaml',
    schema: 'column map (ours: theirs)',
    loadedAt: new Date().toISOString(),
  };
  return { map, provenance };
}
