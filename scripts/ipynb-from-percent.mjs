#!/usr/bin/env node
// Authoring aid: turn a "percent" script into a tslab notebook with no outputs.
//   node scripts/ipynb-from-percent.mjs notebook.ts notebooks/NN-name.ipynb
// Cells start with `// %%` (code), `// %% [markdown]` (markdown, every line prefixed `// `),
// or `// %% tags=["parameters"]` (a tagged code cell). The .ipynb is what gets committed.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error('usage: node scripts/ipynb-from-percent.mjs <in.ts> <out.ipynb>');
  process.exit(2);
}
const lines = readFileSync(input, 'utf8').split('\n');
const cells = [];
let cur = null;
const flush = () => {
  if (!cur) return;
  while (cur.lines.length && cur.lines[cur.lines.length - 1].trim() === '') cur.lines.pop();
  while (cur.lines.length && cur.lines[0].trim() === '') cur.lines.shift();
  const text = cur.lines.join('\n');
  const id = createHash('sha256').update(`${cells.length}:${text}`).digest('hex').slice(0, 12);
  const source = text.split('\n').map((l, i, a) => (i < a.length - 1 ? l + '\n' : l));
  if (cur.type === 'markdown') cells.push({ cell_type: 'markdown', id, metadata: {}, source });
  else cells.push({ cell_type: 'code', execution_count: null, id, metadata: cur.tags.length ? { tags: cur.tags } : {}, outputs: [], source });
  cur = null;
};
for (const line of lines) {
  const m = /^\/\/ %%(.*)$/.exec(line);
  if (m) {
    flush();
    const rest = m[1].trim();
    const tags = /tags=(\[.*\])/.exec(rest);
    cur = { type: rest.startsWith('[markdown]') ? 'markdown' : 'code', tags: tags ? JSON.parse(tags[1]) : [], lines: [] };
    continue;
  }
  if (!cur) cur = { type: 'code', tags: [], lines: [] };
  cur.lines.push(cur.type === 'markdown' ? line.replace(/^\/\/ ?/, '') : line);
}
flush();
const nb = {
  cells,
  metadata: {
    kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
    language_info: { codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true }, file_extension: '.ts', mimetype: 'text/typescript', name: 'typescript', version: '5.0.4' },
  },
  nbformat: 4,
  nbformat_minor: 5,
};
writeFileSync(output, JSON.stringify(nb, null, 1) + '\n');
