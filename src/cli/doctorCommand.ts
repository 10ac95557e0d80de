/**
 * `profile-provenance doctor` (also `npm run doctor`): is this machine ready? Checks Node,
 * the installed packages and build, Jupyter (to execute notebooks), the project-local tslab
 * kernelspec, the notebook server, Chromium (PDF, static figures, report checks), CJK fonts
 * (Chinese in PDFs and figures) and write access, and prints for each missing piece the
 * exact command that fixes it. Exit 0 when everything is there, 4 (missing system
 * dependency) otherwise. Reads nothing from the network and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { chromiumPath } from '../plot/browser';
import { EXIT } from './exitCodes';

const ROOT = join(__dirname, '..', '..');
const MIN_NODE: readonly [number, number] = [20, 19];
const JUPYTER_APT = 'jupyter-nbconvert python3-nbclient jupyter-client';

export interface DoctorCheck {
  check: string;
  ok: boolean;
  /** What was found (version, path) or what is missing. */
  detail: string;
  /** The exact command (or step) that fixes it; empty when ok. */
  fix: string;
}

/** What the checks look at; the real machine by default, replaced in tests. */
export interface DoctorProbe {
  nodeVersion: string;
  root: string;
  exists: (path: string) => boolean;
  /** Run a command; status null when it cannot be started. */
  run: (cmd: string, args: string[]) => { status: number | null; stdout: string };
  chromium: () => string | null;
  writable: (dir: string) => boolean;
  isRoot: boolean;
}

function canWrite(dir: string): boolean {
  try {
    if (existsSync(dir)) {
      accessSync(dir, constants.W_OK);
      const probe = mkdtempSync(join(dir, '.pp-doctor-'));
      rmSync(probe, { recursive: true, force: true });
      return true;
    }
    return canWrite(resolve(dir, '..'));
  } catch {
    return false;
  }
}

export function machineProbe(root: string = ROOT): DoctorProbe {
  return {
    nodeVersion: process.versions.node,
    root,
    exists: existsSync,
    run: (cmd, args) => {
      const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
      return { status: r.error ? null : r.status, stdout: `${r.stdout ?? ''}${r.stderr ?? ''}` };
    },
    chromium: chromiumPath,
    writable: canWrite,
    isRoot: process.getuid?.() === 0,
  };
}

/** Run every check (pure given the probe). */
export function doctorChecks(p: DoctorProbe): DoctorCheck[] {
  const sudo = p.isRoot ? '' : 'sudo ';
  const apt = (pkgs: string) => `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${pkgs}`;
  const checks: DoctorCheck[] = [];
  const add = (check: string, ok: boolean, detail: string, fix: string) => checks.push({ check, ok, detail, fix: ok ? '' : fix });

  const [major, minor] = p.nodeVersion.split('.').map(Number) as [number, number];
  add('Node.js', major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]), `node ${p.nodeVersion} (need ≥ ${MIN_NODE.join('.')})`,
    'install Node.js 20.19 or newer (e.g. Debian/Ubuntu: the NodeSource or distribution package `nodejs`), then `npm install`');

  const tslabBin = join(p.root, 'node_modules', 'tslab', 'bin', 'tslab');
  add('npm packages', p.exists(tslabBin), p.exists(tslabBin) ? 'node_modules/ installed' : 'node_modules/tslab missing', `cd ${p.root} && npm install`);

  const stale = p.run(process.execPath, [join(p.root, 'scripts', 'build-stale.mjs')]);
  const built = stale.status === 0 && stale.stdout.trim() === 'fresh';
  add('library build (dist/)', built, built ? 'dist/ up to date with src/' : stale.stdout.trim() || 'cannot tell (scripts/build-stale.mjs failed)', `cd ${p.root} && npm run build`);

  const py = ['/usr/bin/python3', 'python3'].find((c) => p.run(c, ['-c', 'import nbclient, nbconvert, jupyter_client, nbformat']).status === 0);
  add('Jupyter (execute notebooks)', !!py, py ? `${py} imports nbclient, nbconvert, jupyter_client, nbformat` : 'python3 cannot import nbclient/nbconvert/jupyter_client',
    `${apt(JUPYTER_APT)}   (or \`npm run reproduce\` as root, which installs them)`);

  const spec = join(p.root, '.jupyter-local', 'kernels', 'tslab', 'kernel.json');
  let specOk = false;
  let specDetail = `${spec} missing`;
  if (p.exists(spec)) {
    try {
      const argv = (JSON.parse(readFileSync(spec, 'utf8')) as { argv?: string[] }).argv ?? [];
      specOk = !!argv[0] && p.exists(argv[0]) && !!argv[1] && p.exists(argv[1]);
      specDetail = specOk ? `${spec} -> ${argv[1]}` : `${spec} points at a node or tslab that is not there (${argv.slice(0, 2).join(' ')})`;
    } catch (e) {
      specDetail = `${spec} unreadable: ${(e as Error).message}`;
    }
  }
  add('tslab kernelspec (project-local)', specOk, specDetail, `cd ${p.root} && npm run test:notebooks   (or \`npm run reproduce\`; both write .jupyter-local/kernels/tslab/kernel.json)`);

  const server = !!py && p.run(py, ['-c', 'import notebook']).status === 0;
  add('notebook server (npm run notebook)', server, server ? 'jupyter notebook importable' : 'python3 cannot import notebook', apt('jupyter-notebook'));

  const chromium = p.chromium();
  add('Chromium (PDF, static figures, report checks)', !!chromium, chromium ?? 'no /usr/bin/chromium (or $CHROMIUM_PATH)', apt('chromium'));

  const fonts = p.run('fc-list', [':lang=zh', 'family']);
  const cjk = fonts.status === 0 && fonts.stdout.trim() !== '';
  add('CJK fonts (Chinese in PDFs and figures)', cjk, cjk ? `${fonts.stdout.trim().split('\n').length} Chinese font families (fc-list :lang=zh)` : fonts.status === null ? 'fc-list not found (fontconfig)' : 'no font covers Chinese',
    apt('fonts-noto-cjk fontconfig'));

  for (const [what, dir] of [['project folder (reports/, results/, .jupyter-local/)', p.root], ['temporary folder', tmpdir()]] as const) {
    const ok = p.writable(dir);
    add(`write access: ${what}`, ok, ok ? `${dir} writable` : `${dir} not writable`, `give your user write access to ${dir} (e.g. \`${sudo}chown -R $(id -un) ${dir}\`), or clone the repository into a folder of your own`);
  }
  return checks;
}

/** The checks as lines for a terminal: status, check, detail, and the fix under each missing one. */
export function doctorText(checks: readonly DoctorCheck[]): string {
  const width = Math.max(...checks.map((c) => c.check.length));
  const lines = checks.flatMap((c) => [`${c.ok ? 'ok     ' : 'MISSING'}  ${c.check.padEnd(width)}  ${c.detail}`, ...(c.ok ? [] : [`         fix: ${c.fix}`])]);
  const missing = checks.filter((c) => !c.ok).length;
  lines.push('', missing ? `${missing} of ${checks.length} checks failed: run the fixes above, then \`npm run doctor\` again.` : `all ${checks.length} checks passed.`);
  return lines.join('\n') + '\n';
}

export function registerDoctor(program: Command, setCode: (c: number) => void): void {
  program
    .command('doctor')
    .summary('check this machine: Node, Jupyter, tslab kernelspec, Chromium, fonts, write access')
    .description('Checks what the notebooks, reports and PDFs need, and prints the exact command that fixes each missing piece. Exit 0 when all is there, 4 otherwise. Changes nothing.')
    .option('--json', 'print the checks as JSON', false)
    .action((o: { json: boolean }) => {
      const checks = doctorChecks(machineProbe());
      process.stdout.write(o.json ? `${JSON.stringify(checks, null, 2)}\n` : doctorText(checks));
      setCode(checks.every((c) => c.ok) ? EXIT.ok : EXIT.missingDependency);
    });
}
