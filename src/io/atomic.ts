/**
 * Atomic file output: a reader (or a crash) sees either the old file whole or the new file
 * whole, never a half-written one. Write to a temporary file in the SAME directory (rename is
 * atomic only within one file system), fsync it, rename it over the target, then fsync the
 * directory so the rename itself survives a power cut (best effort: not every platform allows
 * opening a directory). On any failure the temporary file is removed.
 *
 * @example
 * writeFileAtomic('reports/manifest.json', JSON.stringify(manifest, null, 2));
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let counter = 0;

/** Temporary name next to the target: `.name.<pid>.<n>.<time>.tmp` (opened with 'wx', never clobbering). */
function tempPathFor(target: string): string {
  counter++;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter}.${Date.now().toString(36)}.tmp`);
}

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(target);
  let fd: number | undefined = fs.openSync(tmp, 'wx', 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.byteLength) offset += fs.writeSync(fd, bytes, offset, bytes.byteLength - offset);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* not created or already renamed */
    }
    throw err;
  }
  try {
    const dirFd = fs.openSync(path.dirname(target), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    /* directory fsync not supported here; the rename is still atomic */
  }
}
