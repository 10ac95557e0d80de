/**
 * `profile-provenance screenshots`: notarised screenshots to an evidence table (notebook
 * 08-screenshots). A declaration: the analysis is `screenshots.analyseScreenshots`, the layout
 * `screenshots.screenshotsReport`, the further files `screenshots.screenshotOutputFiles`.
 */
import { Option } from 'commander';
import * as shots from '../screenshots';
import { defineCommand } from './define';
import { displayPath, parseIntegerIn, parseNumber, UsageError } from './common';

interface ScreenshotsOptions {
  reviewer?: string;
  reviewedAt?: string;
  engine: shots.OcrEngineName;
  limit?: number;
  maxEdits: number;
  strictness: number;
  concurrency: number;
}

export const screenshotsCommand = defineCommand<ScreenshotsOptions>({
  name: 'screenshots', notebook: '08-screenshots', dataset: 'screenshots', defaultSeed: shots.SCREENSHOTS_DATASET_SEED,
  summary: 'read profile screenshots (PNG/JPEG/PDF) into an evidence table, with OCR confidence per cell',
  description:
    'Screenshots to evidence. Reads screenshots (PNG/JPEG/WebP/GIF files, folders, PDF pages via ' +
    "poppler's pdftoppm) with a declared layout template, OCRs each field (PaddleOCR PP-OCRv4 through ONNX by default, " +
    "or Debian's tesseract), records each cell's text, confidence and pixel box, flags low-confidence cells, merges a " +
    'filled-in review sheet (recording original, corrected, reviewer and time), measures the OCR against ground truth ' +
    'and per confidence band on calibration cards, and compares the rows with their source profiles as read and under ' +
    'the measured OCR error.',
  output:
    'Also screenshots.csv (the table), screenshots-review.csv (flagged cells: fill in "corrected", pass back with --review),\n' +
    'screenshots-review.html (each crop beside its text), avatars/*.png (for notebook 03); name crops pixelated unless --unmask.',
  example: 'npx profile-provenance screenshots --images certificate.pdf --layout maimai-card.yaml --source weibo.csv --no-truth -o out',
  inputs: {
    images: { flag: '--images <paths...>', description: 'screenshot files, PDFs or folders of them', default: 'images', variadic: true, kind: 'any' },
    layout: { flag: '--layout <file>', description: 'layout template (YAML) of the app screen', default: 'maimai-card.yaml' },
    calibration: { flag: '--calibration <file>', description: 'calibration cells (OCR error rate per confidence band, measured on other cards)', default: 'calibration.json', negatable: 'no calibration file' },
    manifest: { flag: '--manifest <file>', description: 'file -> id (source profile), uploader (else id = file name)', default: 'manifest.csv', defaultOnlyWithDataset: true, optional: true },
    source: { flag: '--source <file>', description: 'source profiles to compare with', default: '../matching/source.csv', defaultOnlyWithDataset: true, optional: true, negatable: 'do not compare' },
    review: { flag: '--review <file>', description: 'filled-in review sheet (screenshots-review.csv with the corrected column) to merge', optional: true },
  },
  answerKey: { description: 'ground truth of the cards' },
  options: (cmd) =>
    cmd
      .option('--reviewer <name>', 'who reviewed (required with --review)')
      .option('--reviewed-at <date>', 'when (required with --review; recorded as given)')
      .addOption(new Option('--engine <name>', 'OCR engine').choices(['paddle', 'tesseract']).default('paddle'))
      .option('--limit <n>', 'only the first n screenshots', parseIntegerIn('--limit', 1))
      .option('--max-edits <n>', 'largest edit distance a misread is taken to explain', parseIntegerIn('--max-edits', 0, 20), 2)
      .option('--strictness <s>', 'matching strictness (as in match)', parseNumber('--strictness', 0, 1), 0.8)
      .option('--concurrency <n>', 'screenshots read at once', parseIntegerIn('--concurrency', 1, 16), 2),
  async run({ options: o, paths, pathLists, answerKey, display, progress }) {
    if (paths.review && (!o.reviewer || !o.reviewedAt)) throw new UsageError('--review needs --reviewer and --reviewed-at (recorded with every correction)');
    const optional = (k: string) => (paths[k] ? { [k]: paths[k]! } : {});
    const ev = await shots.loadScreenshotEvidence({
      images: pathLists.images!, template: paths.layout!, ...optional('manifest'), ...optional('source'), ...optional('calibration'), ...optional('review'),
      ...(answerKey ? { truth: answerKey[0]! } : {}), ...(o.limit ? { limit: o.limit } : {}),
    });
    const bar = progress(ev.images.length, 'reading screenshots');
    const r = await shots.analyseScreenshots(
      ev,
      { engine: o.engine, reviewer: o.reviewer ?? '', reviewedAt: o.reviewedAt ?? '', maxEdits: o.maxEdits, strictness: o.strictness, concurrency: o.concurrency, seed: o.seed },
      { onProgress: () => bar.tick() },
    );
    bar.done();
    const view = { unmask: !display.mask };
    const parameters = { ...r.params, images: pathLists.images!.map(displayPath), layout: displayPath(paths.layout!) };
    return {
      result: { ...shots.maskedResult(r, view), parameters, files: r.files.map((f) => ({ ...f, path: displayPath(f.path) })), tables: r.tables.map((t) => ({ ...t, path: displayPath(t.path) })) },
      report: shots.screenshotsReport(r, display),
      files: await shots.screenshotOutputFiles(r, ev.images, view),
    };
  },
});
