/**
 * One way to declare a command: its evidence inputs (with the committed data set as default),
 * the answer-key convention, its options, the analysis call and the report layout. Everything
 * else is here, once: common options, column maps, checking paths and the output folder before
 * any computing, the SYNTHETIC label from the data set's own metadata, run information, masking,
 * progress, writing the output set, and exit codes.
 *
 * A command file is then a declaration (see retentionCommand.ts):
 *
 *   export const retentionCommand = defineCommand({
 *     name: 'retention', notebook: '06-retention', dataset: 'retention', defaultSeed: 7,
 *     summary: '…', description: '…', example: '…',
 *     inputs: { claim: { flag: '--claim <file>', description: '…', default: 'claim.json' }, … },
 *     options: (cmd) => cmd.option(…),
 *     async run(ctx) {
 *       const evidence = await retention.loadRetentionEvidence(ctx.paths as …, ctx.loadOptions);
 *       const result = retention.analyseRetention(evidence, { … ctx.options … });
 *       return { result, report: retention.retentionReport(result, ctx.display) };
 *     },
 *   });
 *
 * The answer key (simulations only) is one convention for every command: `--truth <files>`
 * (comma-separated) or `--no-truth`; by default the data set's declared answer key is used
 * when, and only when, every evidence input is that synthetic data set's own file.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { datasetFile, datasetMetadata, syntheticSources, type DatasetMetadata } from '../io/datasets';
import { sha256FileSync, type FileProvenance } from '../io/provenance';
import { columnMapFromOptions, readColumnMap, type ColumnMap } from '../io/columns';
import type { InferenceReport } from '../report/inference';
import { syntheticNoticesFor } from '../report/notices';
import type { ReportDocument } from '../report/document';
import type { OutputFile } from './output';
import { commandProgress, commandRunInfo, cleanProvenance, displayPath, execute, fileOption, requireFile, UsageError, withCommonOptions, type CommonOptions } from './common';
import type { Progress } from '../report/progress';

export interface InputSpec {
  /** e.g. '--claim <file>' */
  flag: string;
  description: string;
  /** File (or folder) of the command's data set used when the option is not given. */
  default?: string;
  /** 'dir' for a folder, 'any' for either; default 'file'. */
  kind?: 'file' | 'dir' | 'any';
  /** Several paths (`--images <paths...>`): given to `run` as `ctx.pathLists[key]`. */
  variadic?: boolean;
  /**
   * A companion of the data set (e.g. its manifest): the default applies only when every other
   * evidence input is the data set's own default, never beside a stranger's evidence.
   */
  defaultOnlyWithDataset?: boolean;
  /** The analysis can run without it (no default, not required). */
  optional?: boolean;
  /** Declare `--no-<name>` (description given here): the input is then null even though it has a default. */
  negatable?: string;
}

/** What a command's `run` gets. */
export interface CommandContext<O> {
  /** Parsed options (common ones included). */
  options: O & CommonOptions;
  /** Evidence paths by input key, as the user knows them (null for an absent optional input). */
  paths: Record<string, string | null>;
  /** Variadic inputs (`variadic: true`): every path given, as the user knows them. */
  pathLists: Record<string, string[]>;
  /** Answer-key files (simulations only), or null. */
  answerKey: string[] | null;
  /** Progress bar on stderr unless --quiet. */
  progress(total: number, label: string): Progress;
  /**
   * Column map `{ ours: theirs }` from --columns <file> and --column ours=theirs (undefined when
   * neither is given): pass it to the area's loader, which hands it to `readTable`.
   */
  columns: ColumnMap | undefined;
  /** What reports may show: `mask` true unless --unmask. */
  display: { mask: boolean; lang: CommonOptions['lang'] };
}

/** What `run` returns: the analysis result (JSON-serialisable) and its layout. */
export interface CommandRun {
  /** The analysis result; must carry `inputs` (provenance of every file read). */
  result: { inputs: FileProvenance[] } & Record<string, unknown>;
  report: InferenceReport;
  /** Extra run information recorded beside the seed and versions (e.g. a key fingerprint, never a key). */
  runInfo?: Record<string, unknown>;
  /** Further files of the output set (e.g. a review sheet), written with it as one set. */
  files?: OutputFile[];
}

export interface CommandSpec<O> {
  /** The inference's name (same as its src/ folder, data set and notebook). */
  name: string;
  /** Older names kept working; each writes `<alias>.json` / `<alias>.html`. */
  aliases?: string[];
  /** Notebook laying out the same analysis, e.g. '06-retention'. */
  notebook: string;
  /** Committed data set (datasets/<dataset>/) the defaults come from. */
  dataset: string;
  defaultSeed: number;
  summary: string;
  description: string;
  /** Lines after "Output:" in --help. */
  output: string;
  example: string;
  inputs: Record<string, InputSpec>;
  /** Declare the answer-key options (--truth/--no-truth). */
  answerKey?: { description: string };
  options?: (cmd: Command) => Command;
  run(ctx: CommandContext<O>): Promise<CommandRun>;
}

export interface DefinedCommand {
  spec: CommandSpec<never>;
  register(program: Command, setCode: (c: number) => void): void;
}

/** Check the output folder can be written before anything is computed. */
export function checkOutputFolder(out: string): void {
  if (out.trim() === '') throw new UsageError('option -o/--out: the output folder must not be empty');
  const abs = resolve(out);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) throw new UsageError(`option -o/--out: ${out} exists and is not a folder`);
    try {
      accessSync(abs, constants.W_OK);
    } catch {
      throw new UsageError(`option -o/--out: the folder ${out} is not writable`);
    }
    return;
  }
  let parent = dirname(abs);
  while (!existsSync(parent)) parent = dirname(parent);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new UsageError(`option -o/--out: cannot create ${out} (${parent} is not writable)`);
  }
  if (!statSync(parent).isDirectory()) throw new UsageError(`option -o/--out: ${parent} is not a folder`);
}

export function defineCommand<O>(spec: CommandSpec<O>): DefinedCommand {
  const register = (program: Command, setCode: (c: number) => void) => {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      const cmd = program.command(name, { hidden: name !== spec.name }).summary(spec.summary).description(`${spec.description} (notebook ${spec.notebook}${name !== spec.name ? `; alias of '${spec.name}'` : ''})`);
      for (const input of Object.values(spec.inputs)) {
        const def = input.default !== undefined ? datasetFile(spec.dataset, input.default) : undefined;
        if (input.variadic) cmd.option(input.flag, input.description, def !== undefined ? [def] : undefined);
        else if (input.defaultOnlyWithDataset) cmd.option(input.flag, `${input.description}${def !== undefined ? ` (default with the committed data set: ${displayPath(def)})` : ''}`);
        else cmd.addOption(fileOption(input.flag, input.description, def));
        if (input.negatable) cmd.option(`--no-${flagName(input.flag).slice(2)}`, input.negatable);
      }
      if (spec.answerKey) {
        cmd.option('--truth <files>', `${spec.answerKey.description} (simulations only; comma-separated; by default the data set's answer key when every input is that synthetic data set's file)`);
        cmd.option('--no-truth', 'do not use an answer key');
      }
      cmd.option('--columns <file>', "column map (YAML or JSON, 'ours: theirs' per line) for evidence in its own column names, Chinese headers included");
      cmd.option('--column <ours=theirs>', 'one column map entry (repeatable; over --columns)', (v: string, acc: string[]) => [...acc, v], [] as string[]);
      spec.options?.(cmd);
      withCommonOptions(cmd, spec.defaultSeed);
      cmd.addHelpText('after', `\nOutput: <out>/${name}.json and <out>/${name}.html. ${spec.output}\nNames and phone numbers are masked unless --unmask.\n\nExample:\n  ${spec.example}\n`);
      cmd.action(async (o: O & CommonOptions & { truth?: string | boolean }) => setCode(await execute(o, () => runCommand(spec, name, o))));
    }
  };
  return { spec: spec as CommandSpec<never>, register };
}

async function runCommand<O>(spec: CommandSpec<O>, name: string, o: O & CommonOptions & { truth?: string | boolean }) {
  checkOutputFolder(o.out);
  const paths: Record<string, string | null> = {};
  const pathLists: Record<string, string[]> = {};
  const defaultOf = (input: InputSpec) => (input.default !== undefined ? datasetFile(spec.dataset, input.default) : undefined);
  let datasetDefaults = true;
  const companions: Array<[string, InputSpec]> = [];
  const evidence: Array<string | null> = []; // the inputs that decide the answer-key default (not companions)
  for (const [key, input] of Object.entries(spec.inputs)) {
    if (input.defaultOnlyWithDataset) {
      companions.push([key, input]);
      continue;
    }
    const given = (o as Record<string, unknown>)[optionKey(input.flag)] as string | string[] | false | undefined;
    const def = defaultOf(input);
    if (Array.isArray(given)) {
      pathLists[key] = given.map((g) => requireFile(flagName(input.flag), g, input.kind ?? 'file'));
      evidence.push(...pathLists[key]!);
      if (!(given.length === 1 && def !== undefined && resolve(given[0]!) === def)) datasetDefaults = false;
      continue;
    }
    paths[key] = given === false ? null : given === undefined ? (input.optional ? null : failMissing(input)) : requireFile(flagName(input.flag), given, input.kind ?? 'file');
    evidence.push(paths[key] ?? null);
    // Only inputs the data set provides count: an extra input of the expert's own (a review
    // sheet) does not make the rest someone else's evidence.
    if (def !== undefined && typeof given === 'string' && resolve(given) !== def) datasetDefaults = false;
  }
  for (const [key, input] of companions) {
    const given = (o as Record<string, unknown>)[optionKey(input.flag)] as string | false | undefined;
    const def = defaultOf(input);
    const path = given === false ? undefined : given ?? (datasetDefaults ? def : undefined);
    paths[key] = path === undefined ? (input.optional || given === false || !datasetDefaults ? null : failMissing(input)) : requireFile(flagName(input.flag), path, input.kind ?? 'file');
  }
  const columnOpts = o as unknown as { columns?: string; column: string[] };
  const mapFile = columnOpts.columns !== undefined ? await readColumnMap(requireFile('--columns', columnOpts.columns)) : null;
  let columns: ColumnMap | undefined;
  try {
    columns = mapFile || columnOpts.column.length ? columnMapFromOptions(columnOpts.column, mapFile?.map ?? {}) : undefined;
  } catch (e) {
    throw new UsageError(`--column: ${(e as Error).message}`);
  }
  const meta = datasetMetadata(spec.dataset);
  const answerKey = resolveAnswerKey(spec, meta, evidence, o.truth);
  const ctx: CommandContext<O> = {
    options: o,
    paths,
    pathLists,
    answerKey,
    columns,
    progress: (total, label) => commandProgress(o, total, label),
    display: { mask: !o.unmask, lang: o.lang },
  };
  const { result, report, runInfo: runExtra, files } = await spec.run(ctx);
  const inputs = [...result.inputs, ...(mapFile ? [mapFile.provenance] : [])].map(cleanProvenance);
  const run = commandRunInfo(name, o, { synthetic: syntheticNoticesFor(inputs).length > 0, ...runExtra });
  const parameters = (result as Record<string, unknown>).parameters;
  // Phone numbers in any free text of the JSON are masked by writeOutputs unless --unmask.
  const results = { ...result, inputs, run };
  const document: ReportDocument = {
    ...report,
    synthetic: syntheticNoticesFor(inputs),
    provenance: inputs,
    runInfo: { ...run, ...(parameters !== undefined ? { parameters: JSON.stringify(parameters) } : {}) },
    lang: o.lang,
  };
  return { command: name, results, document, ...(files ? { files } : {}) };
}

function failMissing(input: InputSpec): never {
  throw new UsageError(`${flagName(input.flag)} is required`);
}

/** The answer-key convention (see the module comment). */
function resolveAnswerKey(spec: CommandSpec<unknown>, meta: DatasetMetadata, inputPaths: Array<string | null>, truth: string | boolean | undefined): string[] | null {
  if (!spec.answerKey || truth === false) return null;
  if (typeof truth === 'string') return truth.split(',').map((p) => requireFile('--truth', p.trim()));
  // Default: only when every evidence input is this synthetic data set's own file. A file
  // whose size is not that of one of the set's files cannot be one, so a stranger's evidence
  // is not read here (the loader reads and hashes it once); only same-sized files are hashed.
  if (!meta.answerKey) return null;
  // A folder counts as the data set's own only when it is one of the data set's folders.
  const folders = inputPaths.filter((p): p is string => p !== null && statSync(p).isDirectory());
  const ownFolders = new Set(Object.keys(meta.files).map((f) => dirname(datasetFile(spec.dataset, f))));
  if (folders.some((d) => !ownFolders.has(resolve(d)))) return null;
  const given = inputPaths.filter((p): p is string => p !== null && statSync(p).isFile());
  const sizes = new Set(Object.keys(meta.files).map((f) => statSync(datasetFile(spec.dataset, f)).size));
  if (!given.length && !folders.length) return null;
  if (given.some((p) => !sizes.has(statSync(p).size))) return null;
  if (!given.length) return meta.answerKey.map((f) => requireFile('--truth', datasetFile(spec.dataset, f)));
  const own = syntheticSources(given.map((p) => ({ sha256: sha256FileSync(p) }))).find((m) => m.metadata.dataset === meta.dataset);
  if (!own?.allInputs) return null;
  return meta.answerKey.map((f) => requireFile('--truth', datasetFile(spec.dataset, f)));
}

/** '--school-aliases <file>' -> 'schoolAliases' (commander's attribute name). */
export function optionKey(flag: string): string {
  return flagName(flag).replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function flagName(flag: string): string {
  return flag.split(/[ ,]/).find((p) => p.startsWith('--'))!;
}

export { displayPath };
