/**
 * Shared plumbing for the commands: common options, the run information recorded in every
 * result, masking choice, and turning errors into exit codes with clear messages.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EvidenceError, LimitError, TimeError, parseDateOption, parseInstantOption, type FileProvenance } from '../io';
import { MissingDependencyError } from '../plot/browser';
import { runInfo } from '../report/notices';
import { progress, type Progress } from '../report/progress';
import type { Lang } from '../report/document';
import { EXIT } from './exitCodes';
import { writeOutputs, type CommandOutput } from './output';

export interface CommonOptions {
  out: string;
  seed: number;
  lang: Lang;
  unmask: boolean;
  pdf: boolean;
  quiet: boolean;
}

export function parseInteger(name: string) {
  return (v: string): number => {
    if (!/^-?\d+$/.test(v)) throw new UsageError(`option ${name} must be an integer, got '${v}'`);
    const n = Number(v);
    // Beyond 2^53 two different integers read as the same number: refuse instead of rounding.
    if (!Number.isSafeInteger(n)) throw new UsageError(`option ${name} must be an integer of at most 15 digits (|n| < 2^53), got '${v}'`);
    return n;
  };
}

export function parseNumber(name: string, min = -Infinity, max = Infinity) {
  return (v: string): number => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError(`option ${name} must be a number, got '${v}'`);
    if (x < min || x > max) throw new UsageError(`option ${name} must be between ${min} and ${max}, got ${x}`);
    return x;
  };
}

/**
 * A usage error (bad option value, missing file). It is commander's InvalidArgumentError, so
 * when an option's parser throws it commander prints `error: option '--x <n>' argument ... is
 * invalid. <message>` and the command exits 2 (usage), not 1.
 */
export class UsageError extends InvalidArgumentError {}

/** Adds --out, --seed, --lang, --unmask, --pdf, --quiet to a command. */
export function withCommonOptions(cmd: Command, defaultSeed: number): Command {
  return cmd
    .option('-o, --out <dir>', 'folder for <command>.json and <command>.html', 'results')
    .option('--seed <n>', 'seed for every random step (0 to 2^53-1)', parseIntegerIn('--seed', 0), defaultSeed)
    .addOption(new Option('--lang <lang>', 'report headings').choices(['en', 'zh', 'both']).default('both'))
    .option('--unmask', 'show names and phone numbers unmasked in the report (masked by default)', false)
    .option('--pdf', "also print the report to PDF (needs Debian's chromium)", false)
    .option('-q, --quiet', 'no progress output', false);
}

/** The run information recorded in results and reports (no clock: byte-identical results). */
export function commandRunInfo(command: string, opts: CommonOptions, inputs: Record<string, unknown>): Record<string, unknown> {
  const info = runInfo();
  return {
    command: `profile-provenance ${command}`,
    profileProvenance: info.profileProvenance,
    node: info.node,
    gitCommit: info.gitCommit,
    seed: opts.seed,
    masked: !opts.unmask,
    ...inputs,
  };
}

/** Run a command body, write its outputs, and map failures to exit codes. */
export async function execute(opts: CommonOptions, body: () => Promise<CommandOutput>): Promise<number> {
  try {
    const out = await body();
    const files = await writeOutputs(out, { outDir: opts.out, pdf: opts.pdf });
    if (!opts.quiet) for (const f of files) console.error(`wrote ${f}`);
    return EXIT.ok;
  } catch (e) {
    return reportError(e);
  }
}

export function reportError(e: unknown): number {
  if (e instanceof EvidenceError) {
    console.error(`evidence error: ${e.message}`);
    return EXIT.evidence;
  }
  if (e instanceof UsageError || e instanceof LimitError) {
    console.error(`usage error: ${e.message}`);
    return EXIT.usage;
  }
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof MissingDependencyError || /Chromium is not installed/.test(msg) || (e instanceof Error && e.name === 'OcrUnavailableError')) {
    console.error(msg);
    return EXIT.missingDependency;
  }
  console.error(e instanceof Error && e.stack ? e.stack : msg);
  return EXIT.failure;
}

// ---------------------------------------------------------------------------------------------
// Glue shared by the per-area commands (match, link, avatars, plausibility, capacity, retention,
// shadow): evidence paths with repo-relative defaults, provenance without the clock, progress
// that respects --quiet, and option parsers for ranges, lists and dates.

/** The repository (package) root: two levels above src/cli or dist/cli. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Absolute path of a committed dataset file, e.g. `datasetPath('capacity', 'monthly-visits.csv')`. */
export function datasetPath(...parts: string[]): string {
  return resolve(REPO_ROOT, 'datasets', ...parts);
}

/** A path as recorded in results: repo-relative (POSIX separators) inside the repo, else absolute. */
export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(REPO_ROOT, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  return abs;
}

/**
 * An evidence-file option: `--name <file>` whose default is a committed dataset file (shown in
 * --help repo-relative; resolved against the repo root, while a user's path is resolved against
 * the working directory).
 */
export function fileOption(flags: string, description: string, defaultAbs?: string): Option {
  const o = new Option(flags, description);
  if (defaultAbs !== undefined) o.default(defaultAbs, displayPath(defaultAbs));
  return o;
}

/**
 * Check an evidence path given to `option` exists and is a file (or a folder with `dir`); returns
 * it as the user knows it (see `userPath`), for loaders and their error messages.
 */
export function requireFile(option: string, path: string, kind: 'file' | 'dir' | 'any' = 'file'): string {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new UsageError(`${option}: ${kind === 'dir' ? 'folder' : kind === 'any' ? 'file or folder' : 'file'} not found: ${path}`);
  const st = statSync(abs);
  if (kind === 'file' && !st.isFile()) throw new UsageError(`${option}: not a file: ${path}`);
  if (kind === 'dir' && !st.isDirectory()) throw new UsageError(`${option}: not a folder: ${path}`);
  return userPath(abs);
}

/** A path as the user knows it: relative to the working directory when inside it, else absolute. */
export function userPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

/** True when every given path is the committed default (the synthetic data set). */
export function usesDefaults(pairs: Array<[given: string, defaultAbs: string]>): boolean {
  return pairs.every(([g, d]) => resolve(g) === resolve(d));
}

/**
 * A provenance entry as recorded by a command: no `loadedAt` (the clock would break
 * byte-identical results) and the path repo-relative. Every entry must name the file and its
 * SHA-256 (checked here: a result must never list an input it cannot tie to its bytes).
 */
export function cleanProvenance(entry: object): FileProvenance {
  const e = { ...(entry as Record<string, unknown>) };
  delete e.loadedAt;
  if (typeof e.path !== 'string' || typeof e.sha256 !== 'string' || typeof e.bytes !== 'number') {
    throw new Error(`internal: an input without path, bytes and SHA-256 (${JSON.stringify(Object.keys(e))})`);
  }
  e.path = displayPath(e.path);
  if (typeof e.fileName !== 'string') e.fileName = String(e.path).split('/').pop();
  return e as unknown as FileProvenance;
}

/** A progress bar on stderr when not --quiet (and stderr is a terminal); silent otherwise. */
export function commandProgress(opts: Pick<CommonOptions, 'quiet'>, total: number, label: string): Progress {
  if (opts.quiet) return { tick() {}, done() {} };
  return progress(total, label);
}

/** `--x <lo..hi>` or `--x <value>`: a fixed value or a uniform range, checked against [min, max]. */
export function parseRange(name: string, min = -Infinity, max = Infinity) {
  return (v: string): number | { min: number; max: number } => {
    const parts = v.split('..');
    if (parts.length > 2) throw new UsageError(`option ${name} must be a number or a range lo..hi, got '${v}'`);
    const xs = parts.map((p) => parseNumber(name, min, max)(p));
    if (xs.length === 1) return xs[0]!;
    if (xs[0]! > xs[1]!) throw new UsageError(`option ${name}: the range ${v} has lo > hi`);
    return { min: xs[0]!, max: xs[1]! };
  };
}

/** `--x <a,b,c>`: a comma-separated list of numbers in [min, max]. */
export function parseNumberList(name: string, min = -Infinity, max = Infinity) {
  return (v: string): number[] => {
    const parts = v.split(',').map((s) => s.trim());
    if (parts.length === 0 || parts.some((p) => p === '')) throw new UsageError(`option ${name} must be a comma-separated list of numbers, got '${v}'`);
    return parts.map((p) => parseNumber(name, min, max)(p));
  };
}

/** `--x <n>`: an integer in [min, max]. */
export function parseIntegerIn(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    const n = parseInteger(name)(v);
    if (n < min || n > max) throw new UsageError(`option ${name} must be an integer between ${min} and ${max}, got ${n}`);
    return n;
  };
}

/** A parser from src/io/time whose TimeError becomes a usage error (exit 2). */
function usageOnTimeError(parse: (v: string) => string) {
  return (v: string): string => {
    try {
      return parse(v);
    } catch (e) {
      if (e instanceof TimeError) throw new UsageError(e.message);
      throw e;
    }
  };
}

/** `--x <YYYY-MM-DD>`: a real calendar day in plausible years (src/io/time, the one parser). */
export function parseDate(name: string) {
  return usageOnTimeError(parseDateOption(name));
}

/**
 * `--x <date-time>`: ISO 8601, CST unless an offset is given (never the machine's zone), strict
 * calendar; returned with the offset written out, e.g. '2018-03-10T00:00:00+08:00'.
 */
export function parseInstant(name: string) {
  return usageOnTimeError(parseInstantOption(name));
}

/** `--x <YYYY-MM>`. */
export function parseMonth(name: string) {
  return (v: string): string => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new UsageError(`option ${name} must be a month YYYY-MM, got '${v}'`);
    return v;
  };
}

/** A range as written on the command line: `lo..hi` or a single value. */
export function rangeText(r: number | { min: number; max: number }): string {
  return typeof r === 'number' ? String(r) : `${r.min}..${r.max}`;
}

/** `--x <range>` option (see `parseRange`) whose default shows as `lo..hi` in --help. */
export function rangeOption(flags: string, description: string, min: number, max: number, defaultValue: number | { min: number; max: number }): Option {
  const name = flags.split(/[ ,]/)[0]!;
  return new Option(flags, description).argParser(parseRange(name, min, max)).default(defaultValue, rangeText(defaultValue));
}

/** `--x <list>` option (see `parseNumberList`) whose default shows as `a,b,c` in --help. */
export function listOption(flags: string, description: string, min: number, max: number, defaultValue: number[]): Option {
  const name = flags.split(/[ ,]/)[0]!;
  return new Option(flags, description).argParser(parseNumberList(name, min, max)).default(defaultValue, defaultValue.join(','));
}
