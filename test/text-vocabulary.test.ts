/**
 * The sourced vocabularies: every entry traceable, ambiguous aliases kept ambiguous, and the
 * recognition rates on the test sets in test/fixtures/vocabulary/ (the project's own lists of
 * variants as profiles show them, written independently of the tables).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  AMBIGUITY_SEPARATOR, SCHOOL_ABBREVIATIONS, SCHOOL_FULL_NAMES, SCHOOL_VOCABULARY, TITLE_NOT_SYNONYMS, TITLE_VOCABULARY, VOCABULARY_SOURCES,
  isAmbiguousKey, normalizeJobTitle, normalizeSchool, readingsOf, vocabularyRows,
} from '../src/text';
import { contains } from '../src/matching/levels';

const fixture = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(__dirname, 'fixtures', 'vocabulary', name), 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('\n'), { header: true, skipEmptyLines: true }).data;

describe('title test set', () => {
  const rows = fixture('title-variants.csv');
  const same = rows.filter((r) => r.expected === 'same');
  const different = rows.filter((r) => r.expected === 'different');
  const merged = (r: Record<string, string>) => normalizeJobTitle(r.a) === normalizeJobTitle(r.b);

  it('recognises every variant pair the project calls one occupation', () => {
    const missed = same.filter((r) => !merged(r)).map((r) => `${r.a} / ${r.b}`);
    console.log(`title variants recognised: ${same.length - missed.length} of ${same.length}; related titles kept apart: ${different.filter((r) => !merged(r)).length} of ${different.length}`);
    expect(same.length).toBeGreaterThanOrEqual(40);
    expect(missed).toEqual([]);
  });

  it('keeps apart the related titles decided NOT to be synonyms (issue 17 pairs included)', () => {
    expect(different.filter(merged).map((r) => `${r.a} / ${r.b}`)).toEqual([]);
    for (const { a, b } of TITLE_NOT_SYNONYMS) expect(normalizeJobTitle(a)).not.toBe(normalizeJobTitle(b));
  });

  it('expands a leading HR / QA only before Chinese text', () => {
    expect(normalizeJobTitle('HR经理')).toBe('人力资源经理');
    expect(normalizeJobTitle('QA工程师')).toBe('测试工程师');
    expect(normalizeJobTitle('HRBP')).toBe('人力资源业务伙伴');
    expect(normalizeJobTitle('hra')).toBe('hra');
  });
});

describe('school test set', () => {
  const rows = fixture('school-aliases.csv');

  it('every alias normalises to its full name, or to all readings when ambiguous', () => {
    const wrong = rows.filter((r) => normalizeSchool(r.alias) !== r.expected).map((r) => `${r.alias} -> ${normalizeSchool(r.alias)} (expected ${r.expected})`);
    console.log(`school aliases recognised: ${rows.length - wrong.length} of ${rows.length} (ambiguous kept ambiguous: ${rows.filter((r) => r.expected!.includes('|')).length})`);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(wrong).toEqual([]);
  });

  it('南大 is ambiguous: never resolved to one reading; compatible (containment) with each, not with others', () => {
    const k = normalizeSchool('南大');
    expect(isAmbiguousKey(k)).toBe(true);
    expect(readingsOf(k)).toEqual(['南京大学', '南开大学']);
    expect(k).not.toBe(normalizeSchool('南京大学'));
    expect(contains(k, normalizeSchool('南京大学'))).toBe(true); // "basically the same" level of the matcher
    expect(contains(k, normalizeSchool('南开'))).toBe(true);
    expect(contains(k, normalizeSchool('北大'))).toBe(false);
    expect(normalizeSchool('中财')).toBe('中央财经大学');
  });
});

describe('vocabulary entries are traceable', () => {
  it('every entry names a declared source; ambiguous entries say why', () => {
    for (const e of [...TITLE_VOCABULARY, ...SCHOOL_VOCABULARY]) {
      expect(Object.keys(VOCABULARY_SOURCES), e.alias).toContain(e.source);
      if (typeof e.canonical !== 'string') {
        expect(e.canonical.length, e.alias).toBeGreaterThan(1);
        expect(e.note, e.alias).toMatch(/ambiguous/);
      }
    }
    const rows = vocabularyRows(SCHOOL_ABBREVIATIONS);
    expect(rows.find((r) => r.alias === '南大')).toEqual({ alias: '南大', canonical: '南京大学 / 南开大学', ambiguous: 'yes', source: 'pp-own', note: 'ambiguous: both are called 南大' });
  });

  it('every school reading is a listed full name; no full name contains the separator', () => {
    const full = new Set(SCHOOL_FULL_NAMES);
    const missing = SCHOOL_ABBREVIATIONS.flatMap((e) => (typeof e.canonical === 'string' ? [e.canonical] : [...e.canonical])).filter((n) => !full.has(n) && !/香港/.test(n));
    expect(missing).toEqual([]);
    expect(SCHOOL_FULL_NAMES.some((n) => n.includes(AMBIGUITY_SEPARATOR))).toBe(false);
    expect(new Set(SCHOOL_FULL_NAMES).size).toBe(SCHOOL_FULL_NAMES.length);
  });
});
