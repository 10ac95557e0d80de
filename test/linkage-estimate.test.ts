import { describe, expect, it } from 'vitest';
import { emDegeneracyWarning } from '../src/linkage/estimate';

describe('emDegeneracyWarning', () => {
  it('flags an EM fit that puts almost every candidate in the match class, and nothing else', () => {
    expect(emDegeneracyWarning({ lambdaCandidates: 0.995, method: { m: 'em', u: 'em', lambda: 'em' } })).toMatch(/99\.5% of the candidate pairs/);
    expect(emDegeneracyWarning({ lambdaCandidates: 0.6, method: { m: 'em', u: 'em', lambda: 'em' } })).toBeNull();
    expect(emDegeneracyWarning({ lambdaCandidates: 0.995, method: { m: 'labels', u: 'labels', lambda: 'labels' } })).toBeNull();
  });
});
