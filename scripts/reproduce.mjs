#!/usr/bin/env node
// npm run reproduce [-- <notebook>...] [--param name=value ...] [--params file.json|yaml]
//                   [--hide-code] [--lang en|zh|both] [--out-dir reports]
// Builds the library, makes sure Jupyter and the project-local tslab kernelspec are there,
// then executes every notebook (or the named ones) headlessly, writing reports/<name>.ipynb
// and reports/<name>.html. One line per notebook with its time; any cell error fails the run
// with the cell and its message.
// Exit codes (as the CLI): 0 ok, 1 a cell failed, 2 usage (bad parameter), 3 evidence error
// (every failure was an EvidenceError), 4 missing dependency (Jupyter).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, findJupyterPython, jupyterEnv } from './jupyter-env.mjs';
import { notebookParameters, parametersFileSha256, resolveParameters } from './notebook-params.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nbDir = join(root, 'notebooks');
const userCwd = process.env.INIT_CWD ?? process.cwd();

function usage(msg) {
  if (msg) console.error(`reproduce: ${msg}`);
  console.error(
    'usage: npm run reproduce [-- <notebook> ...] [--param name=value ...] [--params file.json|.yaml] [--hide-code] [--lang en|zh|both] [--unmask] [--out-dir DIR]',
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const names = [];
const cliParams = [];
let paramsFile = null;
let hideCode = false;
let lang = 'both';
let unmask = false;
let outDir = join(root, 'reports');
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--param' || a === '-p') cliParams.push(args[++i] ?? usage('--param needs name=value'));
  else if (a.startsWith('--param=')) cliParams.push(a.slice(8));
  else if (a === '--params') paramsFile = resolve(userCwd, args[++i] ?? usage('--params needs a file'));
  else if (a === '--hide-code') hideCode = true;
  else if (a === '--unmask') unmask = true;
  else if (a === '--lang') {
    lang = args[++i];
    if (!['en', 'zh', 'both'].includes(lang)) usage('--lang takes en, zh or both');
  }
  else if (a === '--out-dir') outDir = resolve(userCwd, args[++i] ?? usage('--out-dir needs a folder'));
  else if (a === '--help' || a === '-h') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else names.push(a);
}

const all = readdirSync(nbDir).filter((f) => f.endsWith('.ipynb')).map((f) => f.slice(0, -6)).sort();
const selected = names.length
  ? names.map((n) => {
      const base = n.replace(/\.ipynb$/, '').replace(/^.*\//, '');
      const hits = all.filter((x) => x === base || x.startsWith(base));
      if (hits.length !== 1) usage(hits.length ? `'${n}' is ambiguous: ${hits.join(', ')}` : `no notebook '${n}' (have: ${all.join(', ')})`);
      return hits[0];
    })
  : all;
if ((cliParams.length || paramsFile) && selected.length !== 1) usage('--param/--params need exactly one notebook');

// Validate parameters before building or executing anything.
const paramsByNotebook = new Map();
let paramsFileInfo = '';
if (paramsFile) {
  // The parameters file changes results: its SHA-256 goes into the run information.
  try {
    paramsFileInfo = `${paramsFile} (sha256 ${parametersFileSha256(paramsFile)})`;
  } catch (e) {
    console.error(`reproduce: ${e.message}`);
    process.exit(2);
  }
}
for (const name of selected) {
  const nb = JSON.parse(readFileSync(join(nbDir, `${name}.ipynb`), 'utf8'));
  try {
    const declared = notebookParameters(nb, `notebooks/${name}.ipynb`);
    paramsByNotebook.set(name, resolveParameters(declared, { cli: cliParams, file: paramsFile, cwd: userCwd, notebookDir: nbDir }));
  } catch (e) {
    console.error(`reproduce: ${name}: ${e.message}`);
    process.exit(2);
  }
}

build(root);
const python = findJupyterPython();
const env = jupyterEnv(root);
let failed = 0;
let evidenceFailures = 0;
const t0 = Date.now();
for (const name of selected) {
  const start = Date.now();
  const r = spawnSync(
    python,
    [
      join(root, 'scripts', 'execute_notebook.py'),
      join(nbDir, `${name}.ipynb`),
      '--out-dir', outDir,
      '--name', name,
      '--params-json', JSON.stringify(paramsByNotebook.get(name) ?? {}),
      ...(hideCode ? ['--hide-code'] : []),
      '--lang', lang,
      ...(unmask ? ['--unmask'] : []),
      ...(paramsFileInfo ? ['--params-file-info', paramsFileInfo] : []),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env },
  );
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  if (r.status === 0) console.log(`ok      ${name}  ${secs}s  -> ${join(outDir, name + '.html')}`);
  else {
    failed++;
    if (r.status === 3) evidenceFailures++;
    console.log(`FAILED  ${name}  ${secs}s  (see the message above; partial run in ${join(outDir, 'failed', name + '.ipynb')})`);
  }
}
console.log(`${selected.length - failed} notebooks ok, ${failed} failed, ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(failed === 0 ? 0 : failed === evidenceFailures ? 3 : 1);
