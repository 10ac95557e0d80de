import { describe, expect, it } from 'vitest';
import { normalizeSvgIds } from '../src/plot';

// The Chromium half of these tests is test/notebooks/plot-static.test.ts (npm run test:notebooks).

describe('normalizeSvgIds', () => {
  it('renumbers ids and their references in order of appearance', () => {
    const svg = '<svg><defs id="defs-a1b2"><clipPath id="clipa1b2x"></clipPath></defs><g clip-path="url(#clipa1b2x)"></g><use href="#defs-a1b2"/></svg>';
    expect(normalizeSvgIds(svg)).toBe('<svg><defs id="pp0"><clipPath id="pp1"></clipPath></defs><g clip-path="url(#pp1)"></g><use href="#pp0"/></svg>');
  });
});
