/**
 * Issue 16, hostile inputs: one regression test (or a few) per listed item, on committed
 * fixtures in test/hostile/fixtures (inputs too large to commit, such as zip bombs and the
 * XLSX request log, are generated here, deterministically). Items 7 (-o), 8 (output sets,
 * CHROMIUM_PATH) and 12 (seed) are covered by the CLI skeleton's own tests; item 1 (the key)
 * by secrets.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { outputResults } from '../../src/cli/output';
import { loadAvatarEvidence } from '../../src/avatars/evidence';
import { maskDigitRuns } from '../../src/shadow/load';
import { loadEdgeList } from '../../src/collaborative-filtering/edgeList';
import { loadGraphEvidence } from '../../src/collaborative-filtering/attributes';
import {
  EvidenceError, LIMITS, checkZipBudget, parseCalendarDate, parseInstantOption, parseTable, parseTimestamp, readEvidenceBytes, readTable,
  type TableSchema,
} from '../../src/io';
import { hourOfDay } from '../../src/io/time';
import { loadRequestLog } from '../../src/capacity/load';
import { renderReport } from '../../src/report/document';
import { maskPhonesDeep } from '../../src/report/mask';
import { loadClaim, loadObservations } from '../../src/retention/load';
import { loadAliasTable } from '../../src/text/aliases';
import { runCli } from '../cli-helpers';
import { evidenceError, expectClean, hostile, PLANTED_PHONE, RAW_PLANTED } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'pp-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const people = {
  name: 'people',
  columns: [
    { name: 'id', type: 'string' },
    { name: 'name', type: 'string' },
  ],
} as const satisfies TableSchema;

describe('item 2: one line cannot exhaust memory', () => {
  it('an id of 2,000,000,000 is refused while parsing, naming file, line and column', async () => {
    const err = await evidenceError(loadEdgeList(hostile('huge-id.edges'), { weighted: true }));
    expectClean(err, 'huge-id.edges');
    expect(err.issues[0]).toMatchObject({ row: 1, rowKind: 'line', column: 'v' });
    expect(err.issues[0]!.message).toMatch(/above 1048575/);
  });
  it('a graph id beyond the attribute table is refused (item 12: no doubled graph)', async () => {
    const err = await evidenceError(loadGraphEvidence(hostile('beyond-attributes.edges'), hostile('attributes-4.csv'), ['employer']));
    expect(err.issues[0]).toMatchObject({ row: 2, column: 'v' });
    expect(err.issues[0]!.message).toMatch(/attribute table attributes-4\.csv \(nodes 0\.\.3\)/);
  });
  it('the CLI exits 3 with the file and line, no stack trace', async () => {
    const r = await runCli(['plausibility', '--quiet', '--graph', hostile('huge-id.edges'), '--attributes', hostile('attributes-4.csv'), '--fields', 'employer']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/huge-id\.edges line 1, column 'v'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

/** A one-sheet workbook of request timestamps as Excel date cells (wall-clock 23:30 and 08:00). */
async function requestWorkbook(): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('requests');
  ws.addRow(['timestamp', 'account']);
  ws.addRow([new Date(Date.UTC(2014, 6, 1, 23, 30, 0)), 'A']);
  ws.addRow([new Date(Date.UTC(2014, 6, 2, 8, 0, 0)), 'A']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('item 3: XLSX date-time cells are China Standard Time', () => {
  it('a request at 23:30 on the sheet is at 23:30 in Beijing, not 07:30 the next day', async () => {
    const file = join(tmp, 'requests.xlsx');
    writeFileSync(file, await requestWorkbook());
    const log = await loadRequestLog(file, { asOf: '2015-12-31' });
    expect(log.timeMs[0]).toBe(Date.UTC(2014, 6, 1, 15, 30));
    expect(hourOfDay(log.timeMs[0]!)).toBe(23);
    expect(hourOfDay(log.timeMs[1]!)).toBe(8);
  });
});

describe('item 4: raw mobile numbers are masked in every displayed cell unless unmasked', () => {
  const doc = {
    title: { en: 'T', zh: 'T' },
    question: `Is ${PLANTED_PHONE} a copy?`,
    provenance: [],
    sections: [{ heading: { en: 'S', zh: 'S' }, blocks: [
      { kind: 'table' as const, rows: [{ id: PLANTED_PHONE, uploader: `+86 139 1234 5678`, note: `stage note ${PLANTED_PHONE}` }] },
      { kind: 'paragraph' as const, text: `tag ${PLANTED_PHONE}` },
    ] }],
    limitations: [`call 139-1234-5678`],
    runInfo: { masked: true },
  };
  it('the HTML report masks ids, uploaders, notes, paragraphs and limitations', () => {
    const html = renderReport(doc);
    expect(html).not.toMatch(RAW_PLANTED);
    expect(html).toContain('139****5678');
  });
  it('--unmask (runInfo.masked false) shows them as found', () => {
    expect(renderReport({ ...doc, runInfo: { masked: false } })).toContain(PLANTED_PHONE);
  });
  it('command JSON: every string at any depth, keys included', () => {
    const json = JSON.stringify(outputResults({ links: [{ displayed: PLANTED_PHONE, [PLANTED_PHONE]: 1 }], run: { command: 'x' } }, false));
    expect(json).not.toMatch(RAW_PLANTED);
    expect(JSON.stringify(maskPhonesDeep({ a: [`x ${PLANTED_PHONE}`] }))).toContain('139****5678');
  });
});

describe('item 5: edge lists', () => {
  it('a 2-column list is accepted, closeness 1 where absent', async () => {
    const g = await loadEdgeList(hostile('two-columns.edges'), { weighted: true });
    expect(g.edges).toBe(3);
    expect(g.graph.n).toBe(4);
  });
  it('a 4th column is an error naming line and column, not glued onto the weight', async () => {
    const err = await evidenceError(loadEdgeList(hostile('four-columns.edges'), { weighted: true }));
    expectClean(err, 'four-columns.edges');
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ row: 2, column: 'column 4', value: '9' });
  });
});

describe('item 6: line numbers count blank lines and mixed line endings', () => {
  it('a future-dated request on line 14 after blank lines is reported at line 14', async () => {
    const err = await evidenceError(loadRequestLog(hostile('requests-blank-lines.csv'), { asOf: '2015-12-31' }));
    expect(err.issues[0]).toMatchObject({ row: 14, rowKind: 'line', column: 'timestamp' });
  });
  it('observations: source_origin above inspected at line 5 after two blank lines', async () => {
    const err = await evidenceError(loadObservations(hostile('observations-blank-lines.csv'), { asOf: '2015-12-31' }));
    expect(err.issues[0]).toMatchObject({ row: 5, column: 'source_origin' });
  });
  it('avatar manifest: a repeated row at line 5 after blank lines', async () => {
    const err = await evidenceError(loadAvatarEvidence(hostile('manifest-blank-lines.csv')));
    expect(err.issues[0]).toMatchObject({ row: 5, column: 'platform' });
    expect(err.issues[0]!.message).toMatch(/on line 2/);
  });
  it('attributes: a node not in the graph is reported at its own line', async () => {
    const attrs = join(tmp, 'attrs-blank.csv');
    writeFileSync(attrs, 'node,registered,employer,employer_known\n0,1,E,1\n\n\n9,0,E,0\n');
    const err = await evidenceError(loadGraphEvidence(hostile('two-columns.edges'), attrs, ['employer']));
    expect(err.issues[0]).toMatchObject({ row: 5, rowKind: 'line', column: 'node', value: 9 });
  });
  it('mixed CRLF/LF endings read as lines, not one ragged record', async () => {
    const t = await readTable<{ id: string; name: string }>(hostile('mixed-endings.csv'), people);
    expect(t.rows.map((r) => r.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect([...t.rowNumbers]).toEqual([2, 3, 4, 5]);
  });
});

describe('item 7: foreseeable errors exit 2 or 3 without a stack trace', () => {
  it('observation date 2014-02-30: file, line and column named', async () => {
    const err = await evidenceError(loadObservations(hostile('observations-feb-30.csv'), { asOf: '2015-12-31' }));
    expectClean(err, 'observations-feb-30.csv');
    expect(err.issues[0]).toMatchObject({ row: 3, column: 'date', value: '2014-02-30' });
    expect(err.issues[0]!.message).toMatch(/no such calendar day/);
  });
  it('retention CLI on that file exits 3', async () => {
    const r = await runCli(['retention', '--quiet', '--observations', hostile('observations-feb-30.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/observations-feb-30\.csv line 3, column 'date'/);
  });
  it('link --max-pairs 10 exits 2 with the blocking message', async () => {
    const r = await runCli(['link', '--quiet', '--u-pairs', '1000', '--max-pairs', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/above the cap of 10/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('item 9: --as-of is the same instant on every machine and strictly checked', () => {
  const asOf = parseInstantOption('--as-of');
  it('no offset means CST, written out; an offset is kept', () => {
    expect(asOf('2018-03-10T00:00:00')).toBe('2018-03-10T00:00:00+08:00');
    expect(asOf('2018-03-10')).toBe('2018-03-10T00:00:00+08:00');
    expect(asOf('2018-03-09T16:00:00Z')).toBe('2018-03-09T16:00:00+00:00');
    expect(parseTimestamp(asOf('2018-03-10T00:00:00'))).toBe(parseTimestamp('2018-03-09T16:00:00Z'));
  });
  it('2018-02-30 and "March 10, 2018" are refused', () => {
    expect(() => asOf('2018-02-30T00:00:00+08:00')).toThrow(/--as-of: day out of range .*no such calendar day/);
    expect(() => asOf('March 10, 2018')).toThrow(/--as-of: not an ISO 8601/);
  });
  it('the shadow command exits 2 for them', async () => {
    for (const bad of ['March 10, 2018', '2018-02-30T00:00:00+08:00']) {
      const r = await runCli(['shadow', '--quiet', '--key', 'k'.repeat(32), '--as-of', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--as-of/);
    }
  });
});

describe('item 10: alias tables and claims go through the evidence reader', () => {
  it('a GBK alias table is decoded, not garbled, and carries its SHA-256', () => {
    const t = loadAliasTable(hostile('aliases-gbk.csv'));
    expect(t.get('北大')).toBe('北京大学');
    expect(t.provenance.encoding).toBe('gb18030');
    expect(t.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('an unclosed quote is refused, not ignored', async () => {
    const err = await evidenceError(() => loadAliasTable(hostile('aliases-unclosed-quote.csv')));
    expect(err.message).toMatch(/never closed/);
  });
  it('a claim with 2014-11-31 is refused naming the stage; a good claim has provenance', async () => {
    const err = await evidenceError(loadClaim(hostile('claim-nov-31.json')));
    expect(err.issues[0]).toMatchObject({ row: 1, rowKind: 'item', column: 'stages.date', value: '2014-11-31' });
    const ok = await loadClaim(join(__dirname, '..', '..', 'datasets', 'retention', 'claim.json'));
    expect(ok.provenance.sha256).toBe(ok.sha256);
  });
});

/** A zip archive with one deflated part; `declared` overrides the uncompressed size in both headers. */
function zipWith(name: string, data: Buffer, declared = data.length): Buffer {
  const body = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + n.length + body.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + n.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, body, central, n, eocd]);
}

describe('item 11: XLSX uncompressed-size limit', () => {
  it('a part declaring more than the limit is refused before inflating', async () => {
    const bomb = zipWith('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), LIMITS.maxXlsxUncompressedBytes + 1);
    const err = await evidenceError(parseTable(bomb, people, { fileName: 'bomb.xlsx' }));
    expect(err.message).toMatch(/bomb\.xlsx: workbook parts inflate to more than .* refused before inflating/);
  });
  it('a part that inflates beyond its declared size is refused (forged header)', async () => {
    const forged = zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(1 << 20), 100);
    const err = await evidenceError(() => checkZipBudget(forged, 'forged.xlsx'));
    expect(err.message).toMatch(/inflates beyond its declared 100 bytes/);
  });
  it('an extreme compression ratio is refused as a zip bomb', async () => {
    const ratio = zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(4 << 20));
    const err = await evidenceError(() => checkZipBudget(ratio, 'ratio.xlsx'));
    expect(err.message).toMatch(/compressed \d+ times \(limit 200\)/);
  });
});

describe('item 12: implausible values', () => {
  it('a year-0014 timestamp is refused with file, line and column', async () => {
    const err = await evidenceError(loadRequestLog(hostile('requests-year-0014.csv'), { asOf: '2015-12-31' }));
    expect(err.issues[0]).toMatchObject({ row: 2, column: 'timestamp' });
    expect(err.issues[0]!.message).toMatch(/implausible year 14/);
    expect(() => parseCalendarDate('0014-07-01')).toThrow(/implausible year/);
  });
  it('a NUL byte in a CSV is refused at its line', async () => {
    const err = await evidenceError(readTable(hostile('nul-byte.csv'), people));
    expect(err.issues[0]).toMatchObject({ row: 2, rowKind: 'line' });
    expect(err.message).toMatch(/NUL byte/);
  });
  it('a NUL escaped in JSON text is refused, and HTML shows control characters escaped', async () => {
    const err = await evidenceError(readTable(hostile('nul-escape.json'), people));
    expect(err.message).toMatch(/NUL character/);
    const html = renderReport({ title: { en: 'T', zh: 'T' }, question: 'q', provenance: [], sections: [{ heading: { en: 'S', zh: 'S' }, blocks: [{ kind: 'table', rows: [{ uploader: 'U\u0000 1' }] }] }], limitations: [], runInfo: {} });
    expect(html).not.toContain('\u0000');
    expect(html).toContain('U\\u0000 1');
  });
});

describe('item 13: a FIFO named as evidence is refused at once', () => {
  const fifo = join(tmp, 'pipe.png');
  const fifoCsv = join(tmp, 'pipe.csv');
  const made = spawnSync('mkfifo', [fifo, fifoCsv]).status === 0;
  it('readTable, the edge-list reader and the avatar manifest refuse it without opening it', async () => {
    expect(made, 'mkfifo (coreutils) made the FIFO').toBe(true);
    expect((await evidenceError(readTable(fifoCsv, people))).message).toMatch(/FIFO/);
    expect((await evidenceError(() => readEvidenceBytes(fifo))).message).toMatch(/not a regular file/);
    expect((await evidenceError(loadEdgeList(fifoCsv))).message).toMatch(/FIFO/);
    const manifest = join(tmp, 'manifest.csv');
    writeFileSync(manifest, 'person_id,platform,file\np1,displayed,pipe.png\n');
    const err = await evidenceError(loadAvatarEvidence(manifest));
    expect(err.issues[0]).toMatchObject({ row: 2, column: 'file' });
    expect(err.message).toMatch(/FIFO/);
  });
});

describe('item 14: clear messages', () => {
  it('an empty graph is blamed on the graph file', async () => {
    const err = await evidenceError(loadEdgeList(hostile('empty.edges'), { weighted: true }));
    expectClean(err, 'empty.edges');
    expect(err.message).toMatch(/no edges/);
    expect(err.message).not.toMatch(/0\.\.-1/);
  });
  it('UTF-16 without BOM is named and explained, with no option the CLI lacks', async () => {
    const err = await evidenceError(readTable(hostile('utf16le-no-bom.csv'), people));
    expect(err.message).toMatch(/UTF-16 LE text without a byte-order mark/);
    expect(err.message).toMatch(/re-save the file as UTF-8/);
    expect(err.message).not.toMatch(/options\./);
  });
  it('a semicolon CSV is detected and explained without options.delimiter', async () => {
    const err = await evidenceError(readTable(hostile('semicolon.csv'), people));
    expect(err.message).toMatch(/semicolon-separated/);
    expect(err.message).not.toMatch(/options\./);
  });
  it('masking in shadow errors keeps dates and short ids readable, masks numbers', () => {
    expect(maskDigitRuns('uploaded 2018-03-10T00:00:00+08:00 by U000123')).toBe('uploaded 2018-03-10T00:00:00+08:00 by U000123');
    expect(maskDigitRuns('number 139 1234 5678')).not.toMatch(RAW_PLANTED);
  });
  it('evidence read back is byte-identical (never modified by any of the above)', () => {
    expect(readFileSync(hostile('huge-id.edges'), 'utf8')).toBe('1 2000000000 0.3\n');
  });
});
