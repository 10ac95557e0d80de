/**
 * Issue 16 items 1 and 4 for the command line: every command runs on a copy of its committed
 * data set with a planted mobile number written into the id, uploader and free-text fields it
 * reads (and the planted HMAC key in PP_HMAC_KEY and --key), and every byte it writes (JSON,
 * HTML) or prints is searched: the key must be absent, the number present only masked
 * (139****5678) unless --unmask. The copies are generated here from the committed data sets.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plotlySource } from '../../src/plot/show';
import { FAST, ROOT, runCli, tempDir } from '../cli-helpers';
import { PLANTED_KEY, PLANTED_PHONE, RAW_PLANTED } from './helpers';

const work = tempDir('hostile-planted');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SPACED = '139 1234 5678';

function readCsv(path: string): { fields: string[]; rows: Record<string, string>[] } {
  const p = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return { fields: p.meta.fields ?? [], rows: p.data };
}

function writeCsv(path: string, t: { fields: string[]; rows: Record<string, string>[] }): string {
  writeFileSync(path, Papa.unparse({ fields: t.fields, data: t.rows.map((r) => t.fields.map((f) => r[f] ?? '')) }, { newline: '\n' }) + '\n');
  return path;
}

/** A copy of a committed CSV with `edit` applied to its rows. */
function planted(area: string, file: string, edit: (t: { fields: string[]; rows: Record<string, string>[] }) => void): string {
  const t = readCsv(join(ROOT, 'datasets', area, file));
  edit(t);
  return writeCsv(join(work, `${area}-${file}`), t);
}

let savedKey: string | undefined;
beforeEach(() => {
  savedKey = process.env.PP_HMAC_KEY;
  process.env.PP_HMAC_KEY = PLANTED_KEY;
});
afterEach(() => {
  if (savedKey === undefined) delete process.env.PP_HMAC_KEY;
  else process.env.PP_HMAC_KEY = savedKey;
});

/** Run a command into a fresh folder; return everything it wrote and printed. */
async function everything(command: string, args: string[]): Promise<{ code: number; text: string; files: string[] }> {
  const out = mkdtempSync(join(work, `${command}-`));
  const r = await runCli([command, '--quiet', ...FAST[command]!, ...args], out);
  const files = readdirSync(out);
  // The inlined plotly.js library (a constant, not output) is left out of the search.
  const library = plotlySource().replace(/<\/script/gi, '<\\/script');
  const text = [r.stderr, ...files.map((f) => readFileSync(join(out, f), 'utf8').split(library).join('<plotly.js>'))].join('\n');
  return { code: r.code, text, files };
}

/** No key, no raw number; `shown`: the planted number reaches the output (masked). */
function expectNoLeak(r: { code: number; text: string; files: string[] }, shown = true): void {
  expect(r.code, r.text.slice(0, 2000)).toBe(0);
  expect(r.files.sort()).toEqual(expect.arrayContaining([expect.stringMatching(/\.json$/), expect.stringMatching(/\.html$/)]));
  expect(r.text).not.toContain(PLANTED_KEY);
  const leak = RAW_PLANTED.exec(r.text);
  expect(leak ? r.text.slice(Math.max(0, leak.index - 200), leak.index + 50) : null).toBeNull();
  if (shown) expect(r.text).toContain('139****5678');
}

// Whole commands on full data sets: an allowance for a loaded machine, not a speed check.
describe('no command writes or prints the planted key or the raw planted number', { timeout: 120_000 }, () => {
  it('match: id, uploader, name, employer, title, school, tags and alias tables', async () => {
    let firstId = '';
    const displayed = planted('matching', 'displayed.csv', (t) => {
      firstId = t.rows[0]!.id!;
      for (const r of t.rows) r.uploader = SPACED;
      Object.assign(t.rows[0]!, { id: PLANTED_PHONE, name: PLANTED_PHONE, employer: `${PLANTED_PHONE} 公司`, title: SPACED, tags: `电话${PLANTED_PHONE}` });
    });
    const source = planted('matching', 'source.csv', (t) => {
      const r = t.rows.find((x) => x.id === firstId)!;
      Object.assign(r, { id: PLANTED_PHONE, name: PLANTED_PHONE, school: SPACED });
    });
    const aliases = join(work, 'school-aliases.csv');
    writeFileSync(aliases, `alias,canonical\n${PLANTED_PHONE},北京大学\n`);
    expectNoLeak(await everything('match', ['--displayed', displayed, '--source', source, '--school-aliases', aliases, '--no-truth']));
  });

  it('link: display id, uploader, name and source id', async () => {
    const displayed = planted('linkage', 'displayed.csv', (t) => {
      for (const r of t.rows) r.uploader = PLANTED_PHONE;
      Object.assign(t.rows[0]!, { display_id: PLANTED_PHONE, name: SPACED });
    });
    const source = planted('linkage', 'source.csv', (t) => Object.assign(t.rows[0]!, { id: PLANTED_PHONE, name: PLANTED_PHONE }));
    expectNoLeak(await everything('link', ['--displayed', displayed, '--source', source, '--no-truth']));
  });

  it('retention: claim stage notes and claimant, capture labels and notes', async () => {
    const claim = JSON.parse(readFileSync(join(ROOT, 'datasets', 'retention', 'claim.json'), 'utf8'));
    claim.claimedBy = `call ${SPACED}`;
    for (const s of claim.stages) s.note = `deleted, confirmed by ${PLANTED_PHONE}`;
    const claimPath = join(work, 'claim.json');
    writeFileSync(claimPath, JSON.stringify(claim));
    const observations = planted('retention', 'observations.csv', (t) => {
      t.rows[0]!.capture = PLANTED_PHONE;
      for (const r of t.rows) r.note = `seen at ${SPACED}`;
    });
    expectNoLeak(await everything('retention', ['--claim', claimPath, '--observations', observations]));
  });

  it('shadow: --key, --tag, --target, a user id and saved names', async () => {
    const users = planted('shadow', 'users.csv', (t) => {
      t.rows[0]!.user_id = PLANTED_PHONE;
    });
    const oldId = readCsv(join(ROOT, 'datasets', 'shadow', 'users.csv')).rows[0]!.user_id!;
    const books = planted('shadow', 'address_books.csv', (t) => {
      for (const r of t.rows) if (r.uploader_id === oldId) r.uploader_id = PLANTED_PHONE;
      t.rows[1]!.saved_name = SPACED;
    });
    expectNoLeak(await everything('shadow', ['--key', PLANTED_KEY, '--books', books, '--users', users, '--no-truth', '--target', '199 0001 2345', '--tag', `有两把刷子 ${PLANTED_PHONE}`]));
  });

  it('avatars: person ids', async () => {
    const dir = join(work, 'avatars');
    cpSync(join(ROOT, 'datasets', 'avatars'), dir, { recursive: true });
    const t = readCsv(join(dir, 'manifest.csv'));
    const first = t.rows[0]!.person_id;
    for (const r of t.rows) if (r.person_id === first) r.person_id = PLANTED_PHONE;
    writeCsv(join(dir, 'manifest.csv'), t);
    expectNoLeak(await everything('avatars', ['--manifest', join(dir, 'manifest.csv')]));
  });

  it('plausibility: displayed field values', async () => {
    const attributes = planted('collaborative-filtering', 'attributes-5k.csv', (t) => {
      for (const r of t.rows.slice(0, 50)) r.employer = PLANTED_PHONE;
    });
    // Field values are only counted, never displayed: the number must not appear in any form.
    expectNoLeak(await everything('plausibility', ['--graph', join(ROOT, 'datasets', 'collaborative-filtering', 'graph-5k.edges'), '--attributes', attributes]), false);
  });

  it('capacity: account labels', async () => {
    const monthly = planted('capacity', 'monthly-visits.csv', (t) => {
      t.rows.push({ account: PLANTED_PHONE, month: '2014-07', visits: '12' });
    });
    expectNoLeak(await everything('capacity', ['--monthly', monthly, '--no-requests']));
  });

  it('--unmask shows the number (so the masking above is the masker, not a lost value)', async () => {
    const monthly = join(work, 'capacity-monthly-visits.csv');
    const r = await everything('capacity', ['--monthly', monthly, '--no-requests', '--unmask']);
    expect(r.code).toBe(0);
    expect(r.text).toContain(PLANTED_PHONE);
    expect(r.text).not.toContain(PLANTED_KEY);
  });
});
