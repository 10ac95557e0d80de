/**
 * Shared plumbing for the commands: common options, the run information recorded in every
 * result, masking choice, and turning errors into exit codes with clear messages.
 */
import { Command, Option } from 'commander';
import { EvidenceError } from '../io';
import { runInfo } from '../report/notices';
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
    return Number(v);
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

export class UsageError extends Error {}

/** Adds --out, --seed, --lang, --unmask, --pdf, --quiet to a command. */
export function withCommonOptions(cmd: Command, defaultSeed: number): Command {
  return cmd
    .option('-o, --out <dir>', 'folder for <command>.json and <command>.html', 'results')
    .option('--seed <n>', 'seed for every random step', parseInteger('--seed'), defaultSeed)
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
  if (e instanceof UsageError) {
    console.error(`usage error: ${e.message}`);
    return EXIT.usage;
  }
  const msg = e instanceof Error ? e.message : String(e);
  if (/Chromium is not installed/.test(msg)) {
    console.error(msg);
    return EXIT.missingDependency;
  }
  console.error(e instanceof Error && e.stack ? e.stack : msg);
  return EXIT.failure;
}
