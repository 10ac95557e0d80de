#!/usr/bin/env node
// npm run notebook [-- <jupyter notebook options>]: the interactive Jupyter server on the
// notebooks/ folder with the project-local tslab kernel (installs Debian's jupyter-notebook
// when missing and running as root). The library is rebuilt first, so notebooks import the
// current src/ through node_modules/profile-provenance.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareNotebookServer } from './jupyter-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = prepareNotebookServer(root);
const child = spawn('jupyter', ['notebook', `--notebook-dir=${join(root, 'notebooks')}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code) => process.exit(code ?? 0));
