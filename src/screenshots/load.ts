/**
 * Loading screenshot evidence (io only, no OCR): the images (PNG/JPEG/WebP/GIF files, a
 * folder of them, or PDF pages rendered by Debian's poppler-utils `pdftoppm`), the layout
 * template, and optionally the manifest (file -> id, uploader), the source profiles to
 * compare with, the ground truth (synthetic sets only), a filled-in review sheet and the
 * calibration cells. Every file gets a SHA-256 for the provenance manifest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { EvidenceError } from '../io/errors';
import { readTable } from '../io/readTable';
import type { TableSchema } from '../io/schema';
import type { ProvenanceEntry } from '../io/provenance';
import { SOURCE_SCHEMA, type ProfileRow } from '../matching/profile';
import { OcrUnavailableError } from './ocr';
import { parseLayoutTemplate, type LayoutTemplate } from './template';
import { parseReviewCsv, type ReviewRow } from './review';
import { sha256Bytes as sha256Of, type FileProvenance } from '../io/provenance';
import { TRUTH_COLUMNS, type CardTruth } from './dataset';
import type { CalibrationCell } from './calibrate';

export interface ScreenshotFile {
  /** Name used in tables and messages: the file name, `certificate.pdf#p3` for a PDF page. */
  file: string;
  bytes: Uint8Array;
}

/** One evidence file as loaded: path, size, SHA-256 (images, PDFs, template, review sheet). */
export interface FileRecord {
  path: string;
  kind: 'image' | 'pdf' | 'template' | 'review' | 'calibration';
  bytes: number;
  sha256: string;
  /** PDF: pages rendered. */
  pages?: number;
}

export interface ScreenshotEvidence {
  template: LayoutTemplate;
  templateFile: string;
  images: ScreenshotFile[];
  /** file -> id and uploader (from the manifest; else id = file stem). */
  manifest: Map<string, { id: string; uploader: string | null }>;
  source: ProfileRow[] | null;
  sourceFile: string | null;
  truth: CardTruth[] | null;
  review: ReviewRow[] | null;
  reviewFile: string | null;
  calibration: CalibrationCell[] | null;
  files: FileRecord[];
  tables: ProvenanceEntry[];
  /** Every file read, with its SHA-256 (images, template, tables, review, calibration): the provenance. */
  inputs: FileProvenance[];
}

export interface ScreenshotPaths {
  /** Image files, PDFs, or folders of them (a folder's files are read in name order). */
  images: string[];
  template: string;
  manifest?: string;
  source?: string;
  truth?: string;
  review?: string;
  /** JSON array of calibration cells (file, field, truth, read, confidence). */
  calibration?: string;
  /** Only the first n images (after sorting), for quick runs. */
  limit?: number;
  /** Resolution for PDF pages (default 200 dpi). */
  pdfDpi?: number;
}

const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif']);

const MANIFEST_SCHEMA: TableSchema = {
  name: 'screenshot manifest',
  description: 'Which profile (source id) and uploader each screenshot shows',
  columns: [
    { name: 'file', type: 'string', unique: true, description: 'image file name' },
    { name: 'id', type: 'string', description: 'id of the paired source-platform profile' },
    { name: 'uploader', type: 'string', nullable: true, description: 'the app user in whose network the profile was shown' },
  ],
};

const TRUTH_SCHEMA: TableSchema = {
  name: 'screenshot ground truth',
  description: 'The text each synthetic card shows (NOT evidence: for measuring the OCR)',
  columns: TRUTH_COLUMNS.map((c) =>
    c === 'scale' || c === 'rotation' || c === 'jpeg_quality'
      ? { name: c, type: 'number' as const, description: c }
      : { name: c, type: 'string' as const, nullable: c !== 'file' && c !== 'id', description: c },
  ),
};

function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new EvidenceError({ file: path, message: `cannot read the ${what}: ${(err as Error).message}` });
  }
}

/** Render each page of a PDF to PNG with pdftoppm (poppler-utils). */
export function pdfPages(path: string, bytes: Uint8Array, dpi = 200): ScreenshotFile[] {
  const probe = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (probe.error) throw new OcrUnavailableError('pdftoppm is not installed: apt-get install -y poppler-utils (npm run reproduce installs it as root)');
  if (bytes.length === 0) throw new EvidenceError({ file: path, message: 'the PDF file is empty (0 bytes)' });
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new EvidenceError({ file: path, message: 'not a PDF file (no %PDF- signature)' });
  const dir = mkdtempSync(join(tmpdir(), 'pp-pdf-'));
  try {
    const r = spawnSync('pdftoppm', ['-r', String(dpi), '-png', '-', join(dir, 'p')], { input: bytes, maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new EvidenceError({ file: path, message: `pdftoppm could not render the PDF: ${r.stderr.toString('utf8').trim().split('\n')[0] ?? ''}` });
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    if (!pages.length) throw new EvidenceError({ file: path, message: 'the PDF has no pages' });
    return pages.map((f, i) => ({ file: `${basename(path)}#p${i + 1}`, bytes: readFileSync(join(dir, f)) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expand(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new EvidenceError({ file: p, message: 'no such file or folder' });
    }
    if (st.isDirectory()) {
      const inside = readdirSync(p)
        .filter((f) => IMAGE_EXT.has(extname(f).toLowerCase()) || extname(f).toLowerCase() === '.pdf')
        .sort()
        .map((f) => join(p, f));
      if (!inside.length) throw new EvidenceError({ file: p, message: 'the folder holds no PNG, JPEG, WebP, GIF or PDF file' });
      out.push(...inside);
    } else out.push(p);
  }
  return out;
}

/** Load everything; no OCR. Throws EvidenceError (file named) on any bad input. */
export async function loadScreenshotEvidence(paths: ScreenshotPaths): Promise<ScreenshotEvidence> {
  const files: FileRecord[] = [];
  const tbytes = readBytes(paths.template, 'layout template');
  const template = parseLayoutTemplate(tbytes.toString('utf8'), paths.template);
  files.push({ path: paths.template, kind: 'template', bytes: tbytes.length, sha256: sha256Of(tbytes) });
  let list = expand(paths.images);
  if (paths.limit !== undefined) list = list.slice(0, paths.limit);
  const images: ScreenshotFile[] = [];
  for (const p of list) {
    const bytes = readBytes(p, 'screenshot');
    if (extname(p).toLowerCase() === '.pdf') {
      const pages = pdfPages(p, bytes, paths.pdfDpi);
      files.push({ path: p, kind: 'pdf', bytes: bytes.length, sha256: sha256Of(bytes), pages: pages.length });
      images.push(...pages);
    } else {
      files.push({ path: p, kind: 'image', bytes: bytes.length, sha256: sha256Of(bytes) });
      images.push({ file: basename(p), bytes });
    }
  }
  const dup = images.map((i) => i.file).find((f, i, a) => a.indexOf(f) !== i);
  if (dup) throw new EvidenceError({ file: dup, message: 'two screenshots have the same file name: rename one (names identify cells in the review sheet)' });
  const tables: ProvenanceEntry[] = [];
  const manifest = new Map<string, { id: string; uploader: string | null }>();
  if (paths.manifest) {
    const m = await readTable<{ file: string; id: string; uploader: string | null }>(paths.manifest, MANIFEST_SCHEMA);
    tables.push(m.provenance);
    for (const r of m.rows) manifest.set(r.file, { id: r.id, uploader: r.uploader });
  }
  let source: ProfileRow[] | null = null;
  if (paths.source) {
    const s = await readTable<ProfileRow>(paths.source, SOURCE_SCHEMA);
    tables.push(s.provenance);
    source = s.rows;
  }
  let truth: CardTruth[] | null = null;
  if (paths.truth) {
    const t = await readTable<CardTruth>(paths.truth, TRUTH_SCHEMA);
    tables.push(t.provenance);
    truth = t.rows.map((r) => ({ ...r, name: r.name ?? '', employer: r.employer ?? '', title: r.title ?? '', school: r.school ?? '', tags: r.tags ?? '', uploader: r.uploader ?? '' }));
  }
  let review: ReviewRow[] | null = null;
  if (paths.review) {
    const b = readBytes(paths.review, 'review sheet');
    review = parseReviewCsv(b.toString('utf8'), paths.review);
    files.push({ path: paths.review, kind: 'review', bytes: b.length, sha256: sha256Of(b) });
  }
  let calibration: CalibrationCell[] | null = null;
  if (paths.calibration) {
    const b = readBytes(paths.calibration, 'calibration file');
    try {
      calibration = (JSON.parse(b.toString('utf8')) as { cells: CalibrationCell[] }).cells;
      if (!Array.isArray(calibration)) throw new Error('no "cells" array');
    } catch (err) {
      throw new EvidenceError({ file: paths.calibration, message: `not a calibration file: ${(err as Error).message}` });
    }
    files.push({ path: paths.calibration, kind: 'calibration', bytes: b.length, sha256: sha256Of(b) });
  }
  return {
    template, templateFile: paths.template, images, manifest, source, sourceFile: paths.source ?? null, truth,
    review, reviewFile: paths.review ?? null, calibration, files, tables,
    inputs: [
      ...files.map((f): FileProvenance => ({ path: f.path, fileName: f.path.split(/[\\/]/).pop()!, bytes: f.bytes, sha256: f.sha256, format: f.kind, ...(f.pages ? { rows: f.pages } : {}) })),
      ...tables,
    ],
  };
}
