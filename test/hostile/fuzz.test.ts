/**
 * Issue 16: a seeded, bounded fuzz test over the CSV, XLSX and edge-list readers. Inputs are
 * committed fixtures and generated workbooks, mutated by a seeded generator (src/stats/random,
 * seed below: the same seed gives the same cases). For every case the outcome must be what the
 * CLI turns into exit 0 (read), 3 (EvidenceError) or 2 (a declared limit): never another error
 * (exit 1, a stack trace). Every EvidenceError names the file; every problem tied to a row
 * names the line (or sheet row); the others are file-level problems from a known list. A few
 * mutated files also go through the command line itself. The case counts are fixed (no timing).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEdgeList } from '../../src/collaborative-filtering/edgeList';
import { EvidenceError, LimitError, parseTable, type TableSchema } from '../../src/io';
import { randomInt, seededRandom, type Rng } from '../../src/stats/random';
import { runCli } from '../cli-helpers';
import { hostile } from './helpers';

const SEED = 20261207;
export const FUZZ_CASES = { csv: 200, xlsxBytes: 40, xlsxCells: 40, edges: 150, cli: 6 } as const;

const tmp = mkdtempSync(join(tmpdir(), 'pp-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const schema = {
  name: 'fuzz',
  columns: [
    { name: 'date', type: 'date', min: '2000-01-01', max: '2099-12-31' },
    { name: 'capture', type: 'string', unique: true },
    { name: 'inspected', type: 'integer', min: 1 },
    { name: 'source_origin', type: 'integer', min: 0 },
    { name: 'note', type: 'string', required: false, nullable: true },
  ],
} as const satisfies TableSchema;

/** Words a hostile file might hold at any byte position. */
const TOKENS = [',', '"', '""', '\n', '\r\n', '\r', '\0', ';', '\t', '\uFEFF', '#', '-1', '1e999', '2014-02-30', '0014-01-01', '99999999999999999999',
  '\u2028', 'é', '王淼', '13912345678', ' ', '', 'NaN', '<script>', '0x1F', '1,234'];

function mutate(rng: Rng, input: Uint8Array): Uint8Array {
  let bytes = Buffer.from(input);
  const steps = 1 + randomInt(rng, 4);
  for (let s = 0; s < steps; s++) {
    const at = bytes.length === 0 ? 0 : randomInt(rng, bytes.length);
    switch (randomInt(rng, 6)) {
      case 0: // flip a byte
        if (bytes.length) bytes[at] = randomInt(rng, 256);
        break;
      case 1: // insert a token
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(TOKENS[randomInt(rng, TOKENS.length)]!, 'utf8'), bytes.subarray(at)]);
        break;
      case 2: // delete a range
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + randomInt(rng, 40)))]);
        break;
      case 3: // duplicate a range
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + randomInt(rng, 60)), bytes.subarray(at)]);
        break;
      case 4: // truncate
        bytes = bytes.subarray(0, at);
        break;
      default: // a raw byte that is not UTF-8 on its own
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0x80 + randomInt(rng, 128)]), bytes.subarray(at)]);
    }
  }
  return bytes;
}

/** File-level problems (no row to name); anything else must carry a row. */
const FILE_LEVEL = /encoding|empty|header|missing column|UTF-16|NUL|not a readable|workbook|sheet|no edges|limit|zip|delimiter|JSON|inflate|part '/i;

type Outcome = 0 | 2 | 3;

/** What the CLI would exit with for this reader outcome; fails the test on anything else. */
async function outcome(file: string, work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return 0;
  } catch (err) {
    if (err instanceof LimitError) return 2;
    if (!(err instanceof EvidenceError)) throw new Error(`${file}: not an evidence error (exit 1): ${(err as Error)?.stack ?? String(err)}`);
    expect(err.message).toContain(file);
    expect(err.message).not.toMatch(/\n\s+at \S+ \(/);
    for (const issue of err.issues) {
      expect(issue.file).toContain(file);
      if (issue.row === undefined) expect(issue.message, `${file}: ${issue.message}`).toMatch(FILE_LEVEL);
      else expect(err.message).toContain(`${issue.rowKind ?? 'row'} ${issue.row}`);
    }
    return 3;
  }
}

function tally(codes: Outcome[]): Record<Outcome, number> {
  return { 0: codes.filter((c) => c === 0).length, 2: codes.filter((c) => c === 2).length, 3: codes.filter((c) => c === 3).length };
}

describe(`fuzz (seed ${SEED}): readers end in exit 0, 2 or 3 with file and line named`, { timeout: 120_000 }, () => {
  const bases = ['observations-blank-lines.csv', 'observations-feb-30.csv', 'mixed-endings.csv', 'semicolon.csv'].map((f) => readFileSync(hostile(f)));
  const good = Buffer.from(readFileSync(join(__dirname, '..', '..', 'datasets', 'retention', 'observations.csv')));

  it(`CSV: ${FUZZ_CASES.csv} mutated files`, async () => {
    const rng = seededRandom(SEED);
    const codes: Outcome[] = [];
    for (let k = 0; k < FUZZ_CASES.csv; k++) {
      const base = k % 2 === 0 ? good : bases[randomInt(rng, bases.length)]!;
      const bytes = mutate(rng, base);
      const name = `fuzz-${k}.csv`;
      codes.push(await outcome(name, () => parseTable(bytes, schema, { fileName: name })));
    }
    const t = tally(codes);
    expect(t[0] + t[2] + t[3]).toBe(FUZZ_CASES.csv);
    expect(t[3]).toBeGreaterThan(0); // the mutations do reach the error paths
  });

  it(`XLSX: ${FUZZ_CASES.xlsxBytes} byte-mutated workbooks and ${FUZZ_CASES.xlsxCells} with random cells`, async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const rng = seededRandom(SEED + 1);
    const cell = (): unknown => {
      switch (randomInt(rng, 7)) {
        case 0: return TOKENS[randomInt(rng, TOKENS.length)];
        case 1: return randomInt(rng, 1000) - 10;
        case 2: return new Date(Date.UTC(1900 + randomInt(rng, 300), randomInt(rng, 12), 1 + randomInt(rng, 28), randomInt(rng, 24)));
        case 3: return rng() * 1e6;
        case 4: return null;
        case 5: return { formula: 'A1+1' };
        default: return `c${randomInt(rng, 50)}`;
      }
    };
    const workbook = async (rows: unknown[][]): Promise<Buffer> => {
      const wb = new ExcelJS.Workbook();
      wb.created = new Date(Date.UTC(2020, 0, 1));
      wb.modified = new Date(Date.UTC(2020, 0, 1));
      const ws = wb.addWorksheet('s');
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const header = ['date', 'capture', 'inspected', 'source_origin', 'note'];
    const base = await workbook([header, [new Date(Date.UTC(2014, 8, 16)), 'c1', 200, 188, 'n'], [new Date(Date.UTC(2014, 9, 21)), 'c2', 150, 111, null]]);
    const codes: Outcome[] = [];
    for (let k = 0; k < FUZZ_CASES.xlsxBytes; k++) {
      const name = `fuzz-${k}.xlsx`;
      const bytes = mutate(rng, base);
      codes.push(await outcome(name, () => parseTable(bytes, schema, { fileName: name })));
    }
    for (let k = 0; k < FUZZ_CASES.xlsxCells; k++) {
      const name = `fuzz-cells-${k}.xlsx`;
      const rows: unknown[][] = [randomInt(rng, 5) === 0 ? header.map(() => cell()) : header];
      for (let r = 0, n = randomInt(rng, 6); r < n; r++) rows.push(header.map(() => cell()));
      const bytes = await workbook(rows);
      codes.push(await outcome(name, () => parseTable(bytes, schema, { fileName: name })));
    }
    const t = tally(codes);
    expect(t[0] + t[2] + t[3]).toBe(FUZZ_CASES.xlsxBytes + FUZZ_CASES.xlsxCells);
    expect(t[3]).toBeGreaterThan(0);
  });

  it(`edge lists: ${FUZZ_CASES.edges} random files`, async () => {
    const rng = seededRandom(SEED + 2);
    const pieces = ['0', '1', '2', '17', '0.5', '1e3', '-3', '2000000000', '99999999999999999999', 'x', ',', ' ', '\t', '#', '%', '\0', 'é', '1.2.3', ''];
    const codes: Outcome[] = [];
    for (let k = 0; k < FUZZ_CASES.edges; k++) {
      const lines: string[] = [];
      for (let l = 0, n = randomInt(rng, 8); l < n; l++) {
        if (k % 2 === 0 && randomInt(rng, 8) !== 0) {
          // mostly well-formed lists, so the accepting path is fuzzed too
          lines.push(`${randomInt(rng, 20)} ${randomInt(rng, 20)}${randomInt(rng, 2) ? ` ${rng().toFixed(2)}` : ''}`);
          continue;
        }
        const parts: string[] = [];
        for (let p = 0, m = randomInt(rng, 5); p < m; p++) parts.push(pieces[randomInt(rng, pieces.length)]!);
        lines.push(parts.join(randomInt(rng, 3) === 0 ? '\t' : ' '));
      }
      const name = `fuzz-${k}.edges`;
      const file = join(tmp, name);
      writeFileSync(file, lines.join(randomInt(rng, 3) === 0 ? '\r\n' : '\n'));
      codes.push(await outcome(name, () => loadEdgeList(file, { weighted: randomInt(rng, 2) === 0, relabel: randomInt(rng, 4) === 0 })));
    }
    const t = tally(codes);
    expect(t[0] + t[2] + t[3]).toBe(FUZZ_CASES.edges);
    expect(t[0]).toBeGreaterThan(0);
    expect(t[3]).toBeGreaterThan(0);
  });

  it(`the command line: ${FUZZ_CASES.cli} mutated observation files exit 0, 2 or 3 without a stack trace`, async () => {
    const rng = seededRandom(SEED + 3);
    for (let k = 0; k < FUZZ_CASES.cli; k++) {
      const file = join(tmp, `cli-${k}.csv`);
      writeFileSync(file, mutate(rng, good));
      const r = await runCli(['retention', '--quiet', '--observations', file]);
      expect([0, 2, 3], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at \S+ \(/);
      if (r.code === 3) expect(r.stderr).toContain(`cli-${k}.csv`);
    }
  });
});
