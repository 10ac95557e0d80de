/**
 * File formats readTable understands, chosen from the file extension (case-insensitive) unless
 * `options.format` says otherwise.
 */
import * as path from 'node:path';
import { EvidenceError } from './errors';

export type TableFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'xlsx';

export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'tsv', 'json', 'jsonl', 'xlsx'];

const BY_EXTENSION: Record<string, TableFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
};

/** The format for a file name, or an EvidenceError naming the supported extensions. */
export function formatFromFileName(fileName: string): TableFormat {
  const ext = path.extname(fileName).toLowerCase();
  const format = BY_EXTENSION[ext];
  if (format) return format;
  const hint =
    ext === '.xls'
      ? ' (legacy binary .xls is not read: open it in Excel or LibreOffice and save as .xlsx or CSV)'
      : '';
  throw new EvidenceError({
    file: fileName,
    message: `unsupported file extension '${ext || '(none)'}'${hint}; supported: ${Object.keys(BY_EXTENSION).join(', ')} (rename the file to its real extension)`,
  });
}
