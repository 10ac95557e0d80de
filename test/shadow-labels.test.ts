import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPhoneHasher } from '../src/shadow/hash';
import { evaluateRelationLabels, labelsAgainstTruth, loadGroundTruth } from '../src/shadow/labels';
import { loadAddressBooks, loadPlatformUsers } from '../src/shadow/load';
import { shadowProfile } from '../src/shadow/profile';
import { buildPlatformView } from '../src/shadow/view';

const DATA = join(__dirname, '..', 'datasets', 'shadow');

describe('relation labels against synthetic ground truth', async () => {
  const hasher = createPhoneHasher('test key for label evaluation');
  const books = await loadAddressBooks(join(DATA, 'address_books.csv'), { hasher });
  const users = await loadPlatformUsers(join(DATA, 'users.csv'), { hasher });
  const view = buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
  const truth = await loadGroundTruth(join(DATA, 'persons.csv'), join(DATA, 'ties.csv'), hasher);

  it("the target's named friends are labelled former colleagues but were acquaintances (the court's finding)", () => {
    const p = shadowProfile(view, { phone: '19900012345' });
    const rows = labelsAgainstTruth(p, truth);
    const named = rows.slice(0, 3);
    expect(named.map((r) => r.label)).toEqual(['former colleague', 'former colleague', 'former colleague']);
    expect(named.map((r) => r.truth)).toEqual(['acquaintance', 'acquaintance', 'acquaintance']);
    expect(named.every((r) => r.correct === false)).toBe(true);
    // the inferred employer is not his: neither his current nor his former employer
    const t = truth.tokenToPerson.get(p.token)!;
    expect(p.employer!.accepted).toBe(true);
    expect([truth.employer[t], truth.formerEmployer[t]]).not.toContain(p.employer!.value);
  });
  it('labels from shared employers are wrong at a measurable rate; labels from saved relation words are not', () => {
    const ev = evaluateRelationLabels(view, truth);
    expect(ev.nonUsers).toBeGreaterThan(500);
    const shared = ev.claims.find((c) => c.basis === 'shared employer')!;
    const saved = ev.claims.find((c) => c.basis === 'saved name')!;
    expect(shared.n).toBeGreaterThan(1000);
    expect(shared.precision).toBeGreaterThan(0.4);
    expect(shared.precision).toBeLessThan(0.9);
    expect(shared.ci95[0]).toBeLessThan(shared.precision);
    expect(shared.ci95[1]).toBeGreaterThan(shared.precision);
    expect(saved.precision).toBeGreaterThan(shared.ci95[1]);
    // confusion counts add up to the pairs scored
    expect(ev.confusion.reduce((s, r) => s + r.count, 0)).toBe(ev.pairs);
    // some shared-employer "colleagues" have no true tie of that kind at all
    expect(ev.confusion.some((r) => r.basis === 'shared employer' && (r.truth === 'acquaintance' || r.truth === 'friend'))).toBe(true);
    expect(ev.employer.accuracy).toBeGreaterThan(0.5);
    expect(ev.employer.accuracy).toBeLessThan(1);
  });
});
