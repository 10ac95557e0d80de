/**
 * XLSX reading with exceljs (first sheet, or `sheet` by name).
 *
 * Why exceljs and not SheetJS `xlsx`: the npm registry's last `xlsx` release, 0.18.5, has two
 * published vulnerabilities that matter for files received from the other side of a case:
 * CVE-2023-30533 (prototype pollution when reading a crafted file) and CVE-2024-22363
 * (regular-expression denial of service). SheetJS ships fixed versions only from its own CDN,
 * not the npm registry, so `npm install xlsx` cannot be fixed; exceljs (MIT, maintained on
 * npm) reads .xlsx without either issue. exceljs is loaded lazily (on the first .xlsx read)
 * because it takes a few hundred ms to require.
 *
 * Rows are the sheet row numbers Excel shows; the header is the first non-empty row. Cell
 * values: numbers, text, booleans, dates (exceljs turns date-formatted numbers into JS Dates
 * read as UTC), rich text (joined), hyperlinks (their text), formulas (their cached result;
 * a formula without a cached result, or an error value like #N/A, is reported).
 */
import { inflateRawSync } from 'node:zlib';
import type * as ExcelJSTypes from 'exceljs';
import { EvidenceError, type IssueCollector } from './errors';
import { LIMITS } from './limits';
import type { RawCell, RawRecord, RawTable } from './raw';

export interface XlsxOptions {
  fileName: string;
  /** Sheet name; default: the first sheet in workbook order. */
  sheet?: string;
}

let excelModule: typeof ExcelJSTypes | undefined;
function exceljs(): typeof ExcelJSTypes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  excelModule ??= require('exceljs') as typeof ExcelJSTypes;
  return excelModule;
}

/** Excel column letters for a 1-based column number (1 -> A, 27 -> AA). */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type CellProblem = { problem: string };

/** exceljs cell value -> a plain raw cell, or a problem description. */
function plainValue(value: ExcelJSTypes.CellValue): RawCell | CellProblem {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('error' in value) return { problem: `Excel error value ${value.error}` };
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJSTypes.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJSTypes.CellFormulaValue).result;
    if (result === undefined) {
      return { problem: 'formula without a cached result (open the file in Excel/LibreOffice and save it, or export values)' };
    }
    return plainValue(result as ExcelJSTypes.CellValue);
  }
  return { problem: `unsupported cell content ${JSON.stringify(value)}` };
}

function isProblem(v: RawCell | CellProblem): v is CellProblem {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'problem' in v;
}

function isEmpty(v: RawCell): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export interface ZipBudget {
  maxUncompressedBytes?: number;
  maxEntries?: number;
  maxRatio?: number;
}

/**
 * Check an XLSX (zip) archive against LIMITS before any part is handed to exceljs: at most
 * `maxEntries` parts, declared uncompressed sizes summing to at most `maxUncompressedBytes`,
 * no part compressed more than `maxRatio` times; then every deflated part is inflated with
 * an output cap equal to its declared size, so a header that lies about the size is caught
 * without ever holding more than the budget. Throws an EvidenceError naming the file.
 * Returns the total uncompressed size.
 */
export function checkZipBudget(bytes: Uint8Array, fileName: string, budget: ZipBudget = {}): number {
  const maxTotal = budget.maxUncompressedBytes ?? LIMITS.maxXlsxUncompressedBytes;
  const maxEntries = budget.maxEntries ?? LIMITS.maxXlsxEntries;
  const maxRatio = budget.maxRatio ?? LIMITS.maxXlsxCompressionRatio;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = (message: string): never => {
    throw new EvidenceError({ file: fileName, message });
  };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('not a readable .xlsx workbook (not a zip archive: no end-of-archive record)');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) refuse('ZIP64 workbook: larger than the XLSX limits allow; export the sheet as CSV');
  if (entries > maxEntries) refuse(`workbook has ${entries} parts, over the limit of ${maxEntries}`);
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) refuse('not a readable .xlsx workbook (damaged zip directory)');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    total += size;
    if (total > maxTotal) {
      refuse(
        `workbook parts inflate to more than ${maxTotal} bytes (limit LIMITS.maxXlsxUncompressedBytes; part '${name}' alone ${size} bytes): ` +
          'refused before inflating (a zip bomb, or a sheet too large to read whole: export it as CSV)',
      );
    }
    if (size > 1 << 20 && size > compressed * maxRatio) {
      refuse(`workbook part '${name}' is compressed ${Math.round(size / Math.max(1, compressed))} times (limit ${maxRatio}): refused as a zip bomb`);
    }
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) refuse('not a readable .xlsx workbook (damaged zip entry)');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) {
      if (compressed !== size) refuse(`workbook part '${name}' is stored with inconsistent sizes`);
    } else if (method === 8) {
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      } catch (err) {
        const tooLarge = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|maxOutputLength|buffer.*too large/i.test((err as Error).message);
        return refuse(
          tooLarge
            ? `workbook part '${name}' inflates beyond its declared ${size} bytes: refused (a forged zip header)`
            : `not a readable .xlsx workbook (part '${name}' does not inflate: ${(err as Error).message})`,
        );
      }
      if (out.length !== size) refuse(`workbook part '${name}' inflates to ${out.length} bytes, not the declared ${size}`);
    } else {
      refuse(`workbook part '${name}' uses zip compression method ${method}, which Excel does not write`);
    }
  }
  return total;
}

/** Parse the bytes of an .xlsx file into a RawTable. */
export async function parseXlsx(bytes: Uint8Array, options: XlsxOptions, issues: IssueCollector): Promise<RawTable> {
  const { fileName } = options;
  if (bytes.length === 0) throw new EvidenceError({ file: fileName, message: 'file is empty' });
  checkZipBudget(bytes, fileName);
  const ExcelJS = exceljs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    throw new EvidenceError({
      file: fileName,
      message: `not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`,
    });
  }
  const names = workbook.worksheets.map((w) => w.name);
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!sheet) {
    throw new EvidenceError({
      file: fileName,
      message:
        options.sheet === undefined
          ? 'the workbook has no sheets'
          : `no sheet named '${options.sheet}'; sheets: ${names.map((n) => `'${n}'`).join(', ')}`,
    });
  }

  const rows: { row: number; cells: Map<number, RawCell>; problems: { col: number; problem: string }[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, RawCell>();
    const problems: { col: number; problem: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = plainValue(cell.value);
      if (isProblem(v)) problems.push({ col, problem: v.problem });
      else if (!isEmpty(v)) cells.set(col, v);
    });
    if (cells.size > 0 || problems.length > 0) rows.push({ row: rowNumber, cells, problems });
  });

  if (rows.length === 0) throw new EvidenceError({ file: fileName, message: `sheet '${sheet.name}' is empty` });
  const headerRow = rows[0]!;
  const width = Math.max(0, ...headerRow.cells.keys(), ...headerRow.problems.map((p) => p.col));
  for (const p of headerRow.problems) {
    issues.add({ file: fileName, row: headerRow.row, rowKind: 'row', message: `header cell ${columnLetter(p.col)}${headerRow.row}: ${p.problem}` });
  }
  const header: string[] = [];
  const seen = new Map<string, number>();
  for (let col = 1; col <= width; col++) {
    const v = headerRow.cells.get(col);
    const name = v === undefined || v === null ? '' : v instanceof Date ? v.toISOString() : String(v).trim();
    const ref = `${columnLetter(col)}${headerRow.row}`;
    if (name === '') {
      issues.add({ file: fileName, row: headerRow.row, rowKind: 'row', message: `header cell ${ref} is empty; every column needs a name` });
    } else if (seen.has(name)) {
      issues.add({
        file: fileName,
        row: headerRow.row,
        rowKind: 'row',
        column: name,
        message: `duplicate header name (cells ${columnLetter(seen.get(name)!)}${headerRow.row} and ${ref})`,
      });
    } else seen.set(name, col);
    header.push(name);
  }
  issues.throwIfAny();
  if (rows.length === 1) {
    throw new EvidenceError({
      file: fileName,
      row: headerRow.row,
      rowKind: 'row',
      message: `header only: sheet '${sheet.name}' has a header row but no data rows`,
    });
  }

  const records: RawRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const { row, cells, problems } = rows[r]!;
    let bad = false;
    for (const p of problems) {
      bad = true;
      const ref = `${columnLetter(p.col)}${row}`;
      if (!issues.add({ file: fileName, row, rowKind: 'row', column: p.col <= width ? header[p.col - 1] : undefined, message: `cell ${ref}: ${p.problem}` })) break;
    }
    for (const [col, v] of cells) {
      if (col > width) {
        bad = true;
        if (!issues.add({ file: fileName, row, rowKind: 'row', value: v, message: `value in cell ${columnLetter(col)}${row}, beyond the last header column ${columnLetter(width)}` })) break;
      }
    }
    if (bad) continue;
    const arr: RawCell[] = [];
    for (let col = 1; col <= width; col++) arr.push(cells.get(col) ?? null);
    records.push({ row, cells: arr });
  }
  return { header, rowKind: 'row', records, sheet: sheet.name };
}
