import { describe, expect, it } from 'vitest';
import { inNotebook } from '../src/display/mime';

describe('tslab display internals (tslab 1.0.22 is pinned)', () => {
  it('tslab/dist/jupyter still exports lastWriteDisplayData, which showFigure relies on', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require('tslab/dist/jupyter') as Record<string, unknown>;
    expect('lastWriteDisplayData' in jupyter).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('tslab/package.json').version).toBe('1.0.22');
  });
  it('is not in a notebook under vitest, so show* calls send nothing', () => {
    expect(inNotebook()).toBe(false);
  });
});
