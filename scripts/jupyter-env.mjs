// Shared by reproduce.mjs and notebook-server.mjs: finds (or installs) Jupyter, writes the
// project-local tslab kernelspec, and returns the environment to run Jupyter with.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEBIAN_PACKAGES = ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client'];
const PY_CANDIDATES = ['/usr/bin/python3', 'python3'];

function pythonHasJupyter(py) {
  const r = spawnSync(py, ['-c', 'import nbclient, nbconvert, jupyter_client, nbformat; print(nbconvert.__version__)'], {
    encoding: 'utf8',
  });
  return r.status === 0;
}

/**
 * Make sure Debian packages are installed: installs the missing ones with apt-get when running
 * as root on Debian, else prints the exact command. Returns true when all are present.
 */
export function ensureDebianPackages(packages, why) {
  if (!existsSync('/usr/bin/dpkg')) return false;
  // `dpkg -s` succeeds for a removed package whose config files remain: ask for the status.
  const installed = (p) =>
    spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;
  const missing = packages.filter((p) => !installed(p));
  if (!missing.length) return true;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`${why} needs Debian packages that are not installed. Run:\n  sudo ${cmd}`);
    return false;
  }
  console.error(`setup: installing Debian packages for ${why}: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const upd = spawnSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (upd.status !== 0) console.error('setup: apt-get update failed; trying the install anyway');
  const inst = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (inst.status !== 0) {
    console.error(`setup: apt-get install failed. Run by hand:\n  ${cmd}`);
    return false;
  }
  return true;
}

/** A python3 with nbclient + nbconvert, installing Debian's Jupyter packages when we can. */
export function findJupyterPython() {
  let py = PY_CANDIDATES.find(pythonHasJupyter);
  if (py) return py;
  if (!ensureDebianPackages(DEBIAN_PACKAGES, 'executing the notebooks (Jupyter)')) process.exit(4);
  py = PY_CANDIDATES.find(pythonHasJupyter);
  if (!py) {
    console.error('setup: Jupyter is still not importable from /usr/bin/python3 after installing ' + DEBIAN_PACKAGES.join(' '));
    process.exit(4);
  }
  return py;
}

/** Writes .jupyter-local/kernels/tslab/kernel.json (never the user's global Jupyter). */
export function writeKernelSpec(root) {
  const kernelsDir = join(root, '.jupyter-local', 'kernels', 'tslab');
  mkdirSync(kernelsDir, { recursive: true });
  const tslabBin = join(root, 'node_modules', 'tslab', 'bin', 'tslab');
  if (!existsSync(tslabBin)) {
    console.error(`setup: ${tslabBin} is missing: run \`npm install\` first`);
    process.exit(4);
  }
  const spec = {
    argv: [process.execPath, tslabBin, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript',
    language: 'typescript',
    env: { NODE_OPTIONS: '--max-old-space-size=8192' },
  };
  const file = join(kernelsDir, 'kernel.json');
  const text = JSON.stringify(spec, null, 2) + '\n';
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return join(root, '.jupyter-local');
}

export function jupyterEnv(root) {
  const jupyterPath = writeKernelSpec(root);
  return {
    ...process.env,
    JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(':'),
    JUPYTER_CONFIG_DIR: join(jupyterPath, 'config'),
    JUPYTER_DATA_DIR: join(jupyterPath, 'data'),
    JUPYTER_RUNTIME_DIR: join(jupyterPath, 'runtime'),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
}

export function build(root) {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('build failed (tsc): fix the errors above');
    process.exit(r.status ?? 1);
  }
}

/**
 * Everything the interactive server needs (npm run notebook, npm run check:interactive): the
 * library built, Jupyter and Debian's jupyter-notebook installed, the project-local kernelspec.
 * Returns the environment to start `jupyter notebook` with; exits 4 (missing dependency, as the CLI) when it cannot install.
 */
export function prepareNotebookServer(root) {
  build(root);
  findJupyterPython();
  if (!ensureDebianPackages(['jupyter-notebook'], 'the interactive notebook server')) process.exit(4);
  return jupyterEnv(root);
}
