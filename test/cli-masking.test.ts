/**
 * Personal data in the outputs: no raw phone number (any of the 11-digit numbers in the
 * contacts data set, in whatever format it was written) and no full personal name (every name in
 * the users / persons / displayed / source tables) in any byte of the JSON or the HTML, unless
 * --unmask; with --unmask the names appear (so the check can fail), phone numbers still do not.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, csvColumn, readOut, runCommand, tempDir, withoutPlotly } from './cli-helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const contacts = (f: string) => join(ROOT, 'datasets', 'shadow', f);
const linkage = (f: string) => join(ROOT, 'datasets', 'linkage', f);

const digits = (s: string) => s.replace(/\D/g, '');
/** Every mobile number of the contacts data set, as 11 digits (country codes stripped). */
const PHONES = [...new Set([...csvColumn(contacts('address_books.csv'), 'phone'), ...csvColumn(contacts('users.csv'), 'phone'), ...csvColumn(contacts('persons.csv'), 'phone')]
  .map(digits).map((d) => d.slice(-11)).filter((d) => /^1[3-9]\d{9}$/.test(d)))];
const CONTACT_NAMES = [...new Set([...csvColumn(contacts('users.csv'), 'name'), ...csvColumn(contacts('persons.csv'), 'name')].filter((n) => Array.from(n).length >= 2))];
const MATCHING_NAMES = [...new Set([...csvColumn(join(ROOT, 'datasets', 'matching', 'displayed.csv'), 'name'), ...csvColumn(join(ROOT, 'datasets', 'matching', 'source.csv'), 'name')].filter((n) => Array.from(n).length >= 2))];
const LINKAGE_NAMES = [...new Set([...csvColumn(linkage('displayed.csv'), 'name'), ...csvColumn(linkage('source.csv'), 'name')].filter((n) => Array.from(n).length >= 2))];
/** An 11-digit mainland mobile number standing alone (also across spaces or dashes; not the decimals of a number). */
const RAW_MOBILE = /(?<![\d.])1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/;

async function outputs(command: string, extra: string[] = []) {
  const dir = tempDir(`cli-mask-${command}`);
  dirs.push(dir);
  const r = await runCommand(command, extra, dir);
  expect(r.code).toBe(0);
  const { json, html } = readOut(dir, command);
  return { json, html, all: json + withoutPlotly(html) };
}

describe('masking', () => {
  it('the data sets do hold numbers and names to leak (the checks below can fail)', () => {
    expect(PHONES.length).toBeGreaterThan(1000);
    expect(CONTACT_NAMES.length).toBeGreaterThan(1000);
    expect(LINKAGE_NAMES.length).toBeGreaterThan(1000);
  });

  it('shadow: no raw phone number and no full name in any byte', async () => {
    const { json, html, all } = await outputs('shadow');
    const digitsOnly = all.replace(/[\s-]/g, '');
    expect(PHONES.filter((p) => digitsOnly.includes(p))).toEqual([]);
    expect(RAW_MOBILE.test(json)).toBe(false);
    expect(RAW_MOBILE.test(withoutPlotly(html))).toBe(false);
    expect(CONTACT_NAMES.filter((n) => all.includes(n))).toEqual([]);
    expect(all).not.toContain('王淼'); // the plaintiff's name in the quoted SMS is masked too
    expect(all).toContain('王*');
  });

  it('shadow --unmask: names shown, numbers still only as keyed hashes', async () => {
    const { all } = await outputs('shadow', ['--unmask']);
    expect(CONTACT_NAMES.filter((n) => all.includes(n)).length).toBeGreaterThan(10);
    const digitsOnly = all.replace(/[\s-]/g, '');
    expect(PHONES.filter((p) => digitsOnly.includes(p))).toEqual([]);
  });

  it('match: no name of a displayed or source profile in any byte', async () => {
    expect(MATCHING_NAMES.length).toBeGreaterThan(300);
    const { all } = await outputs('match');
    expect(MATCHING_NAMES.filter((n) => all.includes(n))).toEqual([]);
  });

  it('link: no full name of a displayed profile or source account in any byte', async () => {
    const { all } = await outputs('link');
    expect(LINKAGE_NAMES.filter((n) => all.includes(n))).toEqual([]);
  });

  it('link --unmask: the names are there', async () => {
    const { all } = await outputs('link', ['--unmask']);
    expect(LINKAGE_NAMES.filter((n) => all.includes(n)).length).toBeGreaterThan(100);
  });

  it('capacity, retention, avatars, plausibility: no raw mobile number in the results or the report text', async () => {
    for (const c of ['capacity', 'retention', 'avatars', 'plausibility']) {
      const { json, html } = await outputs(c);
      expect(RAW_MOBILE.test(json), `${c}.json`).toBe(false);
      expect(RAW_MOBILE.test(withoutPlotly(html)), `${c}.html`).toBe(false);
    }
  });
});

describe('masking of evidence the user brings', () => {
  it('capacity: an account named by a phone number is masked (138****5678) unless --unmask', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = tempDir('cli-mask-own');
    dirs.push(dir);
    const monthly = join(dir, 'monthly.csv');
    writeFileSync(monthly, 'account,month,visits\n13812345678,2014-07,5000\n13812345678,2014-08,4000\nshop,2014-07,100\n');
    const masked = await runCommand('capacity', ['--monthly', monthly, '--no-requests', '--accounts-per-scenario', '0'], join(dir, 'masked'));
    expect(masked.code).toBe(0);
    const m = readOut(join(dir, 'masked'), 'capacity');
    expect(m.json + m.html).not.toContain('13812345678');
    expect(m.html).toContain('138****5678');
    expect(JSON.parse(m.json).capacity.visits).toBe(9100);
    const open = await runCommand('capacity', ['--monthly', monthly, '--no-requests', '--accounts-per-scenario', '0', '--unmask'], join(dir, 'open'));
    expect(open.code).toBe(0);
    expect(readOut(join(dir, 'open'), 'capacity').html).toContain('13812345678');
  });
});
