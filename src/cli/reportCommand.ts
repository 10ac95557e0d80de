/**
 * `profile-provenance report <notebook>`: execute one notebook with parameters into a full
 * expert report (reports/<name>.html), optionally without code and as PDF. It runs the same
 * runner as `npm run reproduce`, so a notebook and its report never diverge.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { htmlFileToPdf } from '../report/pdf';
import { writeFileAtomic } from '../io';
import { EXIT } from './exitCodes';
import { reportError } from './common';

const root = resolve(__dirname, '..', '..');

export function registerReport(program: Command, setCode: (c: number) => void): void {
  program
    .command('report')
    .description('execute a notebook on your evidence into an expert report (HTML, optional PDF)')
    .argument('<notebook>', 'notebook name or unique prefix, e.g. 01')
    .option('-p, --param <name=value...>', 'set a parameter of the notebook (repeatable)')
    .option('--params <file>', 'parameters from a JSON or YAML file')
    .option('--hide-code', 'report without code cells (the argument only)', false)
    .option('--lang <lang>', 'headings: en, zh or both', 'both')
    .option('--unmask', 'do not mask mobile numbers in code and text outputs (secrets stay redacted)', false)
    .option('--pdf', "also print the report to PDF (needs Debian's chromium)", false)
    .option('-o, --out <dir>', 'folder for the report', 'reports')
    .action(async (notebook: string, o: { param?: string[]; params?: string; hideCode: boolean; lang: string; unmask: boolean; pdf: boolean; out: string }) => {
      const args = [join(root, 'scripts', 'reproduce.mjs'), notebook, '--out-dir', resolve(o.out)];
      for (const p of o.param ?? []) args.push('--param', p);
      if (o.params) args.push('--params', resolve(o.params));
      if (o.hideCode) args.push('--hide-code');
      args.push('--lang', o.lang);
      if (o.unmask) args.push('--unmask');
      const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, INIT_CWD: process.cwd() } });
      if (r.status !== 0) return setCode(r.status === 2 ? EXIT.usage : r.status === 3 ? EXIT.evidence : r.status === 4 ? EXIT.missingDependency : EXIT.failure);
      if (o.pdf) {
        try {
          const names = require('node:fs').readdirSync(resolve(o.out)) as string[];
          const html = names.filter((n) => n.endsWith('.html') && n.startsWith(notebook)).map((n) => join(resolve(o.out), n))[0];
          if (!html || !existsSync(html)) throw new Error(`no report for ${notebook} in ${o.out}`);
          const pdf = html.replace(/\.html$/, '.pdf');
          writeFileAtomic(pdf, await htmlFileToPdf(html));
          console.error(`wrote ${pdf}`);
        } catch (e) {
          return setCode(reportError(e));
        }
      }
      setCode(EXIT.ok);
    });
}
