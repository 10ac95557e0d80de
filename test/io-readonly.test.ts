import * as fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readTable } from '../src/io';
import { evidenceError, fixture, people } from './fixtures/io/helpers';

// Record every open/write call the io module makes (module mock, so it works even as root,
// where a chmod 444 file would still be writable).
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    openSync: vi.fn(real.openSync),
    writeSync: vi.fn(real.writeSync),
    writeFileSync: vi.fn(real.writeFileSync),
    ftruncateSync: vi.fn(real.ftruncateSync),
  };
});

describe('evidence files are opened read-only', () => {
  it('opens read-only (O_RDONLY, non-blocking) and never writes, on success and on failure', async () => {
    const open = vi.mocked(fs.openSync);
    open.mockClear();
    await readTable(fixture('people.csv'), people);
    await evidenceError(readTable(fixture('duplicate-ids.csv'), people));
    const calls = open.mock.calls.filter((c) => String(c[0]).includes('/fixtures/io/'));
    expect(calls.map((c) => [String(c[0]).split('/').pop(), c[1]])).toEqual([
      ['people.csv', fs.constants.O_RDONLY | fs.constants.O_NONBLOCK],
      ['duplicate-ids.csv', fs.constants.O_RDONLY | fs.constants.O_NONBLOCK],
    ]);
    // no write access requested: the access mode bits are O_RDONLY
    for (const c of calls) expect(Number(c[1]) & (fs.constants.O_WRONLY | fs.constants.O_RDWR)).toBe(0);
    expect(vi.mocked(fs.writeSync)).not.toHaveBeenCalled();
    expect(vi.mocked(fs.writeFileSync)).not.toHaveBeenCalled();
    expect(vi.mocked(fs.ftruncateSync)).not.toHaveBeenCalled();
  });
});
