/**
 * Shared by the hostile-input suite (issue 16): committed fixtures, the planted secret and
 * phone number, and a check that an error is a clean EvidenceError naming file (and line).
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { EvidenceError } from '../../src/io';

export const HOSTILE = join(__dirname, 'fixtures');
export const hostile = (name: string): string => join(HOSTILE, name);

/** The key planted in every secret field; it must appear in no output byte. */
export const PLANTED_KEY = 'ZqXv-9f3Kp-Wm7Lr-Tq2Nd-8yHb';
/** The mobile number planted in every field; only its masked form 139****5678 may appear. */
export const PLANTED_PHONE = '13912345678';
/** Any unmasked spelling of the planted number (digits, spaces or dashes between groups). */
export const RAW_PLANTED = /1234[\s-]?5678/;

/** Await work that must fail with an EvidenceError; returns it. */
export async function evidenceError(work: Promise<unknown> | (() => unknown)): Promise<EvidenceError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    if (!(err instanceof EvidenceError)) throw new Error(`expected an EvidenceError, got ${(err as Error)?.stack ?? String(err)}`);
    return err;
  }
  throw new Error('expected an EvidenceError, but nothing was thrown');
}

/** Every issue names the file; the message has no stack trace. */
export function expectClean(err: EvidenceError, file: string): void {
  for (const i of err.issues) expect(i.file).toContain(file);
  expect(err.message).toContain(file);
  expect(err.message).not.toMatch(/\n\s+at \S+ \(/);
}
