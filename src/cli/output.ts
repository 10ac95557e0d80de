/**
 * What every command writes: `<out>/<command>.json` (the results: stable key order, no clock,
 * so the same inputs and seed give byte-identical JSON) and `<out>/<command>.html` (the expert
 * report), optionally `<out>/<command>.pdf`. Files are written atomically; nothing is written
 * when the command fails (no partial report).
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderReport, type ReportDocument } from '../report/document';
import { maskPhonesDeep } from '../report/mask';
import { redactParameters } from '../report/secrets';
import { htmlFileToPdf } from '../report/pdf';

/** JSON with object keys sorted recursively and typed arrays as plain arrays. */
export function stableJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    if (Array.isArray(v)) return v.map(norm);
    if (v instanceof Map) return norm(Object.fromEntries(v));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, norm(o[k])]));
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    return v;
  };
  return JSON.stringify(norm(value), null, 2) + '\n';
}

/** Results as written: run information redacted by secret name, mobile numbers masked unless unmasked. */
export function outputResults(results: unknown, unmask: boolean): unknown {
  let r = results;
  if (r && typeof r === 'object' && !Array.isArray(r) && 'run' in r) r = { ...r, run: redactParameters((r as { run: unknown }).run, { unmask }) };
  return unmask ? r : maskPhonesDeep(r);
}

/** A further file of a command's output set (relative name, may hold a sub-folder). */
export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}

export interface CommandOutput {
  command: string;
  results: unknown;
  document: ReportDocument;
  /** Further files written with the set (all or none). */
  files?: OutputFile[];
}

export interface WriteOptions {
  outDir: string;
  pdf?: boolean;
}

/**
 * Write the output set as a set: every file is first made in a temporary folder beside the
 * destination (JSON, HTML and, with --pdf, the PDF printed from that HTML); only when all of
 * them exist are they renamed into place. A run that fails at any step (the PDF printer
 * missing, a full disk) leaves the previous set as it was.
 */
export async function writeOutputs(out: CommandOutput, options: WriteOptions): Promise<string[]> {
  const dir = resolve(options.outDir);
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(dir, `.${out.command}-partial-`));
  try {
    const names = [`${out.command}.json`, `${out.command}.html`];
    // Secrets redacted by name and mobile numbers masked in every string unless --unmask
    // (src/report/secrets.ts, src/report/mask.ts): one rule for every command's JSON.
    writeFileSync(join(staging, names[0]!), stableJson(outputResults(out.results, out.document.runInfo.masked === false)));
    writeFileSync(join(staging, names[1]!), renderReport(out.document));
    if (options.pdf) {
      names.push(`${out.command}.pdf`);
      writeFileSync(join(staging, names[2]!), await htmlFileToPdf(join(staging, names[1]!)));
    }
    for (const f of out.files ?? []) {
      if (f.name.split(/[\\/]/).some((part) => part === '..' || part === '') || names.includes(f.name)) throw new Error(`internal: output file name ${f.name}`);
      mkdirSync(dirname(join(staging, f.name)), { recursive: true });
      writeFileSync(join(staging, f.name), f.data);
      names.push(f.name);
    }
    for (const n of names) {
      mkdirSync(dirname(join(dir, n)), { recursive: true });
      renameSync(join(staging, n), join(dir, n));
    }
    return names.map((n) => join(dir, n));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
