import { describe, expect, it } from 'vitest';
import { directInformation, explainedShare, INPUT_SOURCES } from '../src/collaborative-filtering/direct';

describe('direct information (copying from the source) beside CF', () => {
  it('a field is explained when CF got it right or a direct source supplies it', () => {
    expect(explainedShare([[1, 0], [0, 0]], ['employer', 'tags'], { tags: 1 })).toBe(0.5);
    expect(explainedShare([[1, 1], [0, 1]], ['employer', 'tags'], {})).toBe(0.5);
    expect(explainedShare([[1, 1], [0, 0]], ['employer', 'tags'], { tags: 0.5 })).toBe(0.5);
  });
  it('sources are data: friends\' tags and own Weibo data are copying; occupation is in no direct source', () => {
    expect(INPUT_SOURCES.filter((s) => s.kind === 'copying from the source').flatMap((s) => s.fields)).not.toContain('employer');
    const rows = directInformation({ fields: ['employer', 'tags'], cfCorrect: [Uint8Array.from([1, 1, 0, 0]), Uint8Array.from([0, 0, 0, 0])], directCoverage: 1 });
    const cfOnly = rows[0]!;
    expect(cfOnly.kinds).toBe('inference from contacts');
    expect(cfOnly.explained).toBe(0);
    const withTags = rows.find((r) => r.sources.includes('friends') && r.kinds.includes('inference'))!;
    expect(withTags.fieldsCopied).toEqual(['tags']);
    expect(withTags.explained).toBe(0.5);
    const directOnly = rows.at(-1)!;
    expect(directOnly.kinds).toBe('copying from the source');
    expect(directOnly.explained).toBe(0); // employer is supplied by no direct source
  });
});
