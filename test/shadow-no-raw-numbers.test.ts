import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as contacts from '../src/shadow';
import { tableHtml } from '../src/report/table';

// Every output of the pipeline on the committed synthetic data, scanned for raw numbers:
// no 11-digit run (also across spaces/dashes) and none of the input's phone numbers.
const DATA = join(__dirname, '..', 'datasets', 'shadow');
const TARGET = '19900012345';

function strings(x: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof x === 'string') out.push(x);
  else if (x && typeof x === 'object' && !ArrayBuffer.isView(x) && !seen.has(x)) {
    seen.add(x);
    if (x instanceof Map) for (const [k, v] of x) { strings(k, out, seen); strings(v, out, seen); }
    else for (const v of Object.values(x)) strings(v, out, seen);
  }
  return out;
}

describe('no raw phone number survives into any output', () => {
  it('profiles, tables, audit, label evaluation and load reports hold hashes only', async () => {
    const hasher = contacts.createPhoneHasher('demo key for the output scan test');
    const books = await contacts.loadAddressBooks(join(DATA, 'address_books.csv'), { hasher });
    const users = await contacts.loadPlatformUsers(join(DATA, 'users.csv'), { hasher });
    const view = contacts.buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
    const p = contacts.shadowProfile(view, { phone: TARGET });
    const truth = await contacts.loadGroundTruth(join(DATA, 'persons.csv'), join(DATA, 'ties.csv'), hasher);
    const audit = contacts.auditMessage(p, { tag: { text: '有两把刷子', source: 'annotation' } });
    const outputs: unknown[] = [
      p, contacts.profileSummaryRows(p), contacts.holderRows(p), audit,
      contacts.labelsAgainstTruth(p, truth), contacts.evaluateRelationLabels(view, truth),
      books.excluded, books.savedName, users.name, contacts.holdersOverTime(books, users, p.token),
      contacts.reachCurve(p.recommended, [0.25, 0.5, 1]),
    ];
    const rendered = [contacts.profileSummaryRows(p), contacts.holderRows(p), audit.disclosures, books.excluded]
      .map((rows) => tableHtml(rows, { maxRows: 10_000 }));
    const all = [...strings(outputs), ...rendered.flatMap((r) => [r.html, r.text]), JSON.stringify(contacts.reachCurveFigure(contacts.reachCurve(p.recommended, [0.5])))];
    expect(all.length).toBeGreaterThan(1000);
    const phones = new Set(readFileSync(join(DATA, 'persons.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[2]).filter(Boolean));
    expect(phones.size).toBe(1500);
    expect(all.filter((s) => contacts.hasDigitRun(s))).toEqual([]);
    const joined = all.join('\u0000').replace(/[\s-]/g, '');
    expect([...phones].filter((ph) => joined.includes(ph!))).toEqual([]);
    // The unmasked message is the only place names appear in clear; it still carries no number.
    expect(contacts.hasDigitRun(audit.message)).toBe(false);
  });
  it('the scan itself catches a leak (the test can fail)', () => {
    const leaky = { rows: [{ holder: 'U1', note: 'called 199 0001 2345' }] };
    expect(strings(leaky).some((s) => contacts.hasDigitRun(s))).toBe(true);
  });
});
