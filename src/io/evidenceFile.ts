/**
 * Opening evidence files: regular files only (a FIFO, socket or device named as evidence is
 * refused by `lstat`/`stat` BEFORE it is opened: opening a FIFO for reading blocks until a
 * writer appears, so checking after `open` would hang), opened read-only and non-blocking,
 * checked again with `fstat` on the open descriptor (the path may have been swapped), size
 * limited before reading. Every refusal is an EvidenceError naming the file.
 *
 * @example
 * const bytes = readEvidenceBytes('datasets/retention/claim.json');
 */
import * as fs from 'node:fs';
import { EvidenceError } from './errors';
import { LIMITS } from './limits';

function describeKind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Check a path names a regular file (symbolic links followed) without opening it; returns
 * its size. Throws an EvidenceError naming the file otherwise.
 */
export function assertRegularFile(filePath: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'symbolic link loop' : (err as Error).message;
    throw new EvidenceError({ file: filePath, message: `cannot open: ${why}` });
  }
  if (!st.isFile()) {
    throw new EvidenceError({ file: filePath, message: `refused: ${describeKind(st)}, not a regular file (evidence must be a file on disk; a pipe or device could hang or never end)` });
  }
  return st.size;
}

/**
 * Open an evidence file read-only for reading: regular file checked before opening, opened
 * with O_NONBLOCK (so a path swapped for a FIFO in between cannot block), checked again
 * with fstat. Returns the descriptor and size; the caller closes it.
 */
export function openEvidence(filePath: string, maxBytes: number = LIMITS.maxFileBytes): { fd: number; size: number } {
  assertRegularFile(filePath);
  let fd: number;
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new EvidenceError({ file: filePath, message: `cannot open: ${why}` });
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new EvidenceError({ file: filePath, message: `refused: ${describeKind(st)}, not a regular file` });
    if (st.size > maxBytes) {
      throw new EvidenceError({
        file: filePath,
        message:
          `file is ${st.size} bytes, over the limit of ${maxBytes} bytes for whole-file loading (maxBytes); ` +
          'refused before reading. Whole-file readers hold the file in memory: use a streaming reader for files this size ' +
          '(the logs module streams timestamps), split the file, or raise maxBytes if memory allows',
      });
    }
    return { fd, size: st.size };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/** Read a whole evidence file (see `openEvidence` for the checks). The file is never written. */
export function readEvidenceBytes(filePath: string, maxBytes: number = LIMITS.maxFileBytes): Uint8Array {
  const { fd, size } = openEvidence(filePath, maxBytes);
  try {
    const buf = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const n = fs.readSync(fd, buf, offset, size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    if (offset !== size) {
      throw new EvidenceError({ file: filePath, message: `file changed while reading (expected ${size} bytes, read ${offset})` });
    }
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}
