/**
 * Errors on evidence images: the toolkit's one error class, `EvidenceError` from `src/io`
 * (issues `{ file, row?, column?, value?, message }`, message naming the file). This module is
 * the one place where the avatar code builds such an error.
 */
import { EvidenceError } from '../io';

export { EvidenceError };

/** Throw an evidence error for one image file. */
export function refuseImage(file: string, message: string, value?: unknown): never {
  throw new EvidenceError(value !== undefined ? { file, message, value } : { file, message });
}
