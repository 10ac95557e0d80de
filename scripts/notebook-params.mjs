// Parameters of a notebook: the `let` declarations of its cell tagged `parameters`
// (papermill convention), their declared types, and validation of values given on the
// command line or in a JSON/YAML file — all BEFORE anything executes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

const DECL = /^\s*let\s+([A-Za-z_$][\w$]*)\s*(?::\s*([A-Za-z\[\]| '"]+?))?\s*=\s*(.+?);?\s*(?:\/\/.*)?$/;

function parseLiteral(src) {
  const s = src.trim().replace(/;$/, '');
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s.replace(/_/g, ''))) return Number(s.replace(/_/g, ''));
  if (s === 'true' || s === 'false') return s === 'true';
  if (s === 'null') return null;
  const q = s[0];
  if ((q === "'" || q === '"' || q === '`') && s.endsWith(q)) return s.slice(1, -1).replace(/\\(.)/g, '$1');
  return undefined; // an expression: typed by its annotation only
}

/** [{ name, type: 'number'|'string'|'boolean'|'other', defaultValue, isPath }] */
export function notebookParameters(nb, notebookPath) {
  const cell = nb.cells.find((c) => (c.metadata?.tags ?? []).includes('parameters'));
  if (!cell) throw new Error(`${notebookPath}: no cell tagged 'parameters'`);
  const src = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
  const params = [];
  for (const line of src.split('\n')) {
    const m = DECL.exec(line);
    if (!m) continue;
    const [, name, annotation, init] = m;
    const defaultValue = parseLiteral(init);
    let type = 'other';
    const ann = (annotation ?? '').trim();
    if (ann === 'number' || (!ann && typeof defaultValue === 'number')) type = 'number';
    else if (ann === 'string' || (!ann && typeof defaultValue === 'string')) type = 'string';
    else if (ann === 'boolean' || (!ann && typeof defaultValue === 'boolean')) type = 'boolean';
    const isPath = type === 'string' && /(path|file|dir|folder)$/i.test(name);
    params.push({ name, type, defaultValue, isPath });
  }
  return params;
}

function coerce(p, raw, fromCli) {
  if (p.type === 'number') {
    const v = typeof raw === 'number' ? raw : fromCli ? Number(raw) : NaN;
    if (!Number.isFinite(v)) throw new Error(`parameter '${p.name}' must be a number, got ${JSON.stringify(raw)}`);
    return v;
  }
  if (p.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (fromCli && (raw === 'true' || raw === 'false')) return raw === 'true';
    throw new Error(`parameter '${p.name}' must be true or false, got ${JSON.stringify(raw)}`);
  }
  if (p.type === 'string') {
    if (typeof raw !== 'string') throw new Error(`parameter '${p.name}' must be a string, got ${JSON.stringify(raw)}`);
    return raw;
  }
  throw new Error(`parameter '${p.name}' has a type that cannot be set from outside (declare it as number, string or boolean)`);
}

/**
 * Read a parameters file as evidence is read: a regular file only (a FIFO would hang), at most
 * 1 MiB; returns the bytes.
 */
function readParametersFile(file) {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new Error(`${file}: parameters file not found`);
  }
  if (!st.isFile()) throw new Error(`${file}: the parameters file is not a regular file`);
  if (st.size > 1 << 20) throw new Error(`${file}: parameters file of ${st.size} bytes, over the 1 MiB limit`);
  return readFileSync(file);
}

/** SHA-256 of a parameters file (it changes results: recorded in the run information). */
export function parametersFileSha256(file) {
  return createHash('sha256').update(readParametersFile(file)).digest('hex');
}

/** Parse `--param k=v` strings and an optional params file into validated values. */
export function resolveParameters(declared, { cli = [], file = null, cwd = process.cwd(), notebookDir }) {
  const byName = new Map(declared.map((p) => [p.name, p]));
  const given = [];
  if (file) {
    const text = readParametersFile(file).toString('utf8').replace(/^\uFEFF/, '');
    let obj;
    if (/\.ya?ml$/i.test(file)) {
      obj = (require_yaml()).parse(text);
    } else {
      try {
        obj = JSON.parse(text);
      } catch (e) {
        throw new Error(`${file}: not valid JSON (${e.message})`);
      }
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error(`${file}: parameters file must hold an object`);
    for (const [k, v] of Object.entries(obj)) given.push({ name: k, raw: v, fromCli: false, base: resolve(cwd, file, '..') });
  }
  for (const kv of cli) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new Error(`--param expects name=value, got '${kv}'`);
    given.push({ name: kv.slice(0, eq), raw: kv.slice(eq + 1), fromCli: true, base: cwd });
  }
  const out = {};
  for (const g of given) {
    const p = byName.get(g.name);
    if (!p) {
      const names = declared.map((d) => d.name).join(', ');
      throw new Error(`unknown parameter '${g.name}' (this notebook's parameters: ${names})`);
    }
    let v = coerce(p, g.raw, g.fromCli);
    if (p.isPath) {
      const abs = isAbsolute(v) ? v : resolve(g.base, v);
      if (!existsSync(abs)) throw new Error(`parameter '${p.name}': file not found: ${v} (resolved to ${abs})`);
      v = abs;
    }
    out[p.name] = v;
  }
  // A default path that is missing is not an error here: the notebook's own default may be
  // optional (e.g. benchmark results, or reference data beside the repository); say so and
  // let the notebook report it. A path the user GAVE must exist (checked above).
  for (const p of declared) {
    if (p.isPath && !(p.name in out) && typeof p.defaultValue === 'string' && !existsSync(resolve(notebookDir, p.defaultValue))) {
      console.warn(`note: parameter '${p.name}': default ${p.defaultValue} is not there (relative to ${notebookDir})`);
    }
  }
  return out;
}

import { createRequire } from 'node:module';
function require_yaml() {
  return createRequire(import.meta.url)('yaml');
}
