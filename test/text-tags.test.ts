import { describe, expect, it } from 'vitest';
import { tokenizeTags } from '../src/text';

describe('tokenizeTags', () => {
  it('splits on Chinese and Latin separators and hashtags', () => {
    expect(tokenizeTags('摄影，旅行、美食 #互联网#')).toEqual(['摄影', '旅行', '美食', '互联网']);
    expect(tokenizeTags('IT;创业|读书/跑步')).toEqual(['it', '创业', '读书', '跑步']);
  });
  it('parses a JSON array and normalises each tag', () => {
    expect(tokenizeTags('["攝影","旅行","摄影"]')).toEqual(['摄影', '旅行']);
    expect(tokenizeTags(['ＩＴ', 'it'])).toEqual(['it']);
  });
  it('can keep multi-word Latin tags', () => {
    expect(tokenizeTags('machine learning, 深度学习', { splitOnSpace: false })).toEqual(['machine learning', '深度学习']);
    expect(tokenizeTags('machine learning')).toEqual(['machine', 'learning']);
  });
  it('returns [] for missing input', () => {
    expect(tokenizeTags(null)).toEqual([]);
    expect(tokenizeTags(' ，， ')).toEqual([]);
  });
});
