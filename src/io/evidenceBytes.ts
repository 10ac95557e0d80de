/**
 * The evidence reader's first step: a whole file's bytes, opened read-only ('r'), refused before
 * reading when over a size limit; every failure is an EvidenceError naming the file.
 */
import * as fs from 'node:fs';
import { EvidenceError } from './errors';

/** Read a whole file opened read-only ('r'), refusing it before reading if over maxBytes. */
export function readEvidenceBytes(filePath: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new EvidenceError({ file: filePath, message: `cannot open: ${why}` });
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new EvidenceError({ file: filePath, message: 'not a regular file' });
    if (stat.size > maxBytes) {
      throw new EvidenceError({
        file: filePath,
        message:
          `file is ${stat.size} bytes, over the limit of ${maxBytes} bytes for whole-file loading (options.maxBytes); ` +
          'refused before reading. readTable holds the whole table in memory: use a streaming reader for files this size ' +
          '(the logs module streams timestamps), split the file, or raise maxBytes if memory allows',
      });
    }
    const buf = Buffer.allocUnsafe(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const n = fs.readSync(fd, buf, offset, stat.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    if (offset !== stat.size) {
      throw new EvidenceError({ file: filePath, message: `file changed while reading (expected ${stat.size} bytes, read ${offset})` });
    }
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}
