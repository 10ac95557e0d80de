/**
 * Writing the committed synthetic screenshot set `datasets/screenshots/` (scripts/datasets/screenshots.ts):
 * card images, manifest.csv (file -> id, uploader), truth.csv (NOT evidence), and
 * calibration.json: the OCR's reading of a separate calibration set of cards (rendered, read
 * and discarded; only the cells are kept), from which the error rate per confidence band is
 * measured out of sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_SCALES, MANIFEST_COLUMNS, SCREENSHOTS_DATASET_SEED, TRUTH_COLUMNS, generateCards, parseDisplayedCsv, toCsvText, type GeneratedCard } from './dataset';
import { calibrationCells } from './analyse';
import { readCard } from './extract';
import type { OcrEngine } from './ocr';
import type { LayoutTemplate } from './template';

export const EVIDENCE_CARDS = 36;
export const CALIBRATION_CARDS = 90;

export interface ScreenshotsDatasetFiles {
  /** relative path -> bytes */
  files: Map<string, Buffer>;
  cards: GeneratedCard[];
}

/** The committed images and tables (no OCR): deterministic. */
export async function buildScreenshotCards(root: string, seed = SCREENSHOTS_DATASET_SEED): Promise<ScreenshotsDatasetFiles> {
  const profiles = parseDisplayedCsv(readFileSync(join(root, 'datasets', 'matching', 'displayed.csv'), 'utf8'));
  const cards = await generateCards(profiles, { seed, count: EVIDENCE_CARDS, scales: CARD_SCALES, prefix: 'card' });
  const files = new Map<string, Buffer>();
  for (const c of cards) files.set(`images/${c.file}`, c.bytes);
  files.set('manifest.csv', Buffer.from(toCsvText(cards.map((c) => c.truth as unknown as Record<string, unknown>), MANIFEST_COLUMNS)));
  files.set('truth.csv', Buffer.from(toCsvText(cards.map((c) => c.truth as unknown as Record<string, unknown>), TRUTH_COLUMNS)));
  return { files, cards };
}

/** The calibration cards: profiles not on the evidence cards, another seed. */
export async function calibrationCards(root: string, exclude: ReadonlySet<string>, seed = SCREENSHOTS_DATASET_SEED + 1, count = CALIBRATION_CARDS): Promise<GeneratedCard[]> {
  const profiles = parseDisplayedCsv(readFileSync(join(root, 'datasets', 'matching', 'displayed.csv'), 'utf8')).filter((p) => !exclude.has(p.id));
  return generateCards(profiles, { seed, count, scales: CARD_SCALES, prefix: 'cal' });
}

/** Read the calibration cards and return calibration.json's text. */
export async function calibrationJson(cards: readonly GeneratedCard[], t: LayoutTemplate, engine: OcrEngine, seed: number): Promise<string> {
  const reads = [];
  for (const c of cards) reads.push((await readCard(c.file, c.bytes, t, engine)).read);
  const cells = calibrationCells(reads, cards.map((c) => c.truth));
  const body = {
    synthetic: true,
    what: 'OCR readings of the synthetic calibration cards (not the evidence cards) with their ground truth, for the error rate per confidence band',
    generator: 'src/screenshots/writeDataset.ts calibrationCards + calibrationJson',
    seed,
    cards: cards.length,
    engine: engine.version,
    template: t.name,
    cells: cells.map((c) => ({ ...c, confidence: c.confidence == null ? null : Math.round(c.confidence * 1e6) / 1e6 })),
  };
  return JSON.stringify(body, null, 1) + '\n';
}

