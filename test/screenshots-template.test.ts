import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { parseLayoutTemplate } from '../src/screenshots/template';

const ROOT = join(__dirname, '..');
const committed = readFileSync(join(ROOT, 'datasets/screenshots/maimai-card.yaml'), 'utf8');

function issuesOf(text: string): ReadonlyArray<{ file: string; column?: string; message: string }> {
  try {
    parseLayoutTemplate(text, 'bad.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(EvidenceError);
    return (e as EvidenceError).issues;
  }
  throw new Error('expected an EvidenceError');
}

describe('layout templates', () => {
  it('the committed template declares the five fields, the avatar and the ink filter', () => {
    const t = parseLayoutTemplate(committed, 'maimai-card.yaml');
    expect(t.fields.map((f) => f.name)).toEqual(['name', 'employer', 'title', 'school', 'tags']);
    expect(t.fields.find((f) => f.name === 'employer')!.label).toBe('公司');
    expect(t.fields.find((f) => f.name === 'tags')!.until).toBe('共同好友');
    expect(t.avatar).toEqual([16, 86, 88, 158]);
    expect(t.ocr.ink).toEqual({ channel: 'green', black: 20, white: 80 });
    expect(t.reviewBelow).toBe(0.95);
  });

  it('defaults: ocr width 720, luma ink, review below 0.9, joiner empty', () => {
    const t = parseLayoutTemplate('name: x\nscreen: {width: 100, height: 200}\nocr: {region: [0, 0, 100, 200]}\nfields:\n  name: {box: [0, 0, 100, 20]}\n', 'x.yaml');
    expect(t.ocr.width).toBe(720);
    expect(t.ocr.ink.channel).toBe('luma');
    expect(t.reviewBelow).toBe(0.9);
    expect(t.fields[0]!.joiner).toBe('');
  });

  it('YAML syntax errors name the file', () => {
    const [i] = issuesOf('name: [unclosed\n');
    expect(i!.file).toBe('bad.yaml');
    expect(i!.message).toMatch(/not valid YAML/);
  });

  it('an unknown key, an unknown field and a reversed box are named by their key', () => {
    const text = committed.replace('review:', 'colour: red\nreview:').replace('  name: { box: [96, 90, 360, 156] }', '  nickname: { box: [96, 90, 360, 156] }\n  name: { box: [96, 156, 360, 90] }');
    const cols = issuesOf(text).map((i) => i.column);
    expect(cols).toContain('(top level)');
    expect(cols.some((c) => c?.startsWith('fields'))).toBe(true);
  });

  it('a box outside the screen is refused with its key and value', () => {
    const issues = issuesOf(committed.replace('avatar: [16, 86, 88, 158]', 'avatar: [16, 86, 400, 158]'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.column).toBe('avatar');
    expect(issues[0]!.message).toMatch(/outside the 360 x 780 screen/);
  });

  it('ink levels must be ordered', () => {
    expect(issuesOf(committed.replace('black: 20, white: 80', 'black: 90, white: 80'))[0]!.message).toMatch(/white must be above/);
  });
});
