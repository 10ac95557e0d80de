/**
 * `profile-provenance screenshots`: notarised screenshots to an evidence table (issue 19;
 * notebook 08-screenshots). Thin: options in, `src/screenshots` does the analysis, this file
 * lays out the report.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import * as shots from '../screenshots';
import { HEADINGS, type Block, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, displayPath, execute, fileOption, parseIntegerIn, parseNumber,
  requireFile, usesDefaults, withCommonOptions, UsageError, type CommonOptions,
} from './common';

interface ScreenshotsOptions extends CommonOptions {
  images: string[];
  layout: string;
  manifest?: string;
  source?: string | false;
  truth?: string | boolean;
  calibration?: string | false;
  review?: string;
  reviewer?: string;
  reviewedAt?: string;
  engine: shots.OcrEngineName;
  limit?: number;
  maxEdits: number;
  strictness: number;
  concurrency: number;
}

const D = (f: string) => datasetPath('screenshots', f);
const DEFAULT_IMAGES = D('images');

export function registerScreenshots(program: Command, setCode: (c: number) => void): void {
  const cmd = program
    .command('screenshots')
    .summary('read profile screenshots (PNG/JPEG/PDF) into an evidence table, with OCR confidence per cell')
    .description(
      'Screenshots to evidence (notebook 08-screenshots). Reads screenshots (PNG/JPEG/WebP/GIF files, folders, PDF pages via ' +
        "poppler's pdftoppm) with a declared layout template, OCRs each field (PaddleOCR PP-OCRv4 through ONNX by default, " +
        "or Debian's tesseract), records each cell's text, confidence and pixel box, flags low-confidence cells, merges a " +
        'filled-in review sheet (recording original, corrected, reviewer and time), measures the OCR against ground truth ' +
        'and per confidence band on calibration cards, and compares the rows with their source profiles as read and under ' +
        'the measured OCR error.',
    )
    .option('--images <paths...>', 'screenshot files, PDFs or folders of them', [DEFAULT_IMAGES])
    .addOption(fileOption('--layout <file>', 'layout template (YAML) of the app screen', D('maimai-card.yaml')))
    .option('--manifest <file>', 'file -> id (source profile), uploader (default with the synthetic set: its manifest.csv; else id = file name)')
    .option('--source <file>', 'source profiles to compare with (default with the synthetic set: datasets/matching/source.csv)')
    .option('--no-source', 'do not compare')
    .option('--truth <file>', 'ground truth of the cards (synthetic sets only; default with the synthetic set)')
    .option('--no-truth', 'do not use a ground truth')
    .addOption(fileOption('--calibration <file>', 'calibration cells (OCR error rate per confidence band, measured on other cards)', D('calibration.json')))
    .option('--no-calibration', 'no calibration file')
    .option('--review <file>', 'filled-in review sheet (screenshots-review.csv with the corrected column) to merge')
    .option('--reviewer <name>', 'who reviewed (required with --review)')
    .option('--reviewed-at <date>', 'when (required with --review; recorded as given)')
    .addOption(new Option('--engine <name>', 'OCR engine').choices(['paddle', 'tesseract']).default('paddle'))
    .option('--limit <n>', 'only the first n screenshots', parseIntegerIn('--limit', 1))
    .option('--max-edits <n>', 'largest edit distance a misread is taken to explain', parseIntegerIn('--max-edits', 0, 20), 2)
    .option('--strictness <s>', 'matching strictness (as in match)', parseNumber('--strictness', 0, 1), 0.8)
    .option('--concurrency <n>', 'screenshots read at once', parseIntegerIn('--concurrency', 1, 16), 2);
  withCommonOptions(cmd, shots.SCREENSHOTS_DATASET_SEED);
  cmd.addHelpText(
    'after',
    '\nOutput in <out>: screenshots.json (every cell: text, confidence, pixel box, flag; accuracy, bands, comparison),\n' +
      'screenshots.html (report), screenshots.csv (the table), screenshots-review.csv (flagged cells: fill in "corrected",\n' +
      'pass back with --review), screenshots-review.html (each crop beside its text), avatars/*.png (for notebook 03).\n' +
      'Names are masked (name crops pixelated) unless --unmask.\n\n' +
      'Example:\n  npx profile-provenance screenshots --images certificate.pdf --layout maimai-card.yaml --source weibo.csv --no-truth -o out\n',
  );
  cmd.action(async (o: ScreenshotsOptions) => setCode(await execute(o, () => runScreenshots(o))));
}

async function runScreenshots(o: ScreenshotsOptions) {
  const synthetic = o.images.length === 1 && usesDefaults([[o.images[0]!, DEFAULT_IMAGES]]);
  const opt = (v: string | boolean | undefined, def: string) => (typeof v === 'string' ? v : v === false ? undefined : synthetic ? def : undefined);
  if (o.review && (!o.reviewer || !o.reviewedAt)) throw new UsageError('--review needs --reviewer and --reviewed-at (recorded with every correction)');
  const paths: shots.ScreenshotPaths = {
    images: o.images.map((p) => resolve(p)),
    template: requireFile('--layout', o.layout),
    ...(opt(o.manifest, D('manifest.csv')) ? { manifest: requireFile('--manifest', opt(o.manifest, D('manifest.csv'))!) } : {}),
    ...(opt(o.source, datasetPath('matching', 'source.csv')) ? { source: requireFile('--source', opt(o.source, datasetPath('matching', 'source.csv'))!) } : {}),
    ...(opt(o.truth, D('truth.csv')) ? { truth: requireFile('--truth', opt(o.truth, D('truth.csv'))!) } : {}),
    ...(typeof o.calibration === 'string' ? { calibration: requireFile('--calibration', o.calibration) } : {}),
    ...(o.review ? { review: requireFile('--review', o.review) } : {}),
    ...(o.limit ? { limit: o.limit } : {}),
  };
  const ev = await shots.loadScreenshotEvidence(paths);
  const bar = commandProgress(o, ev.images.length, 'reading screenshots');
  const r = await shots.analyseScreenshots(
    ev,
    { engine: o.engine, reviewer: o.reviewer ?? '', reviewedAt: o.reviewedAt ?? '', maxEdits: o.maxEdits, strictness: o.strictness, concurrency: o.concurrency, seed: o.seed },
    { onProgress: () => bar.tick() },
  );
  bar.done();
  await shots.writeScreenshotOutputs(r, ev.images, resolve(o.out), { unmask: o.unmask });
  const view = { unmask: o.unmask };
  const tables = shots.screenshotsTables(r, view);
  const blocks = (s: shots.ScreenshotsSection): Block[] =>
    tables.filter((t) => t.section === s).map((t) => ({ kind: 'table', rows: t.rows, options: { caption: t.caption, ...(t.maxRows ? { maxRows: t.maxRows } : {}), ...(t.digits ? { digits: t.digits } : {}) } }));
  const sections: Section[] = [
    { heading: HEADINGS.material, blocks: blocks('material') },
    { heading: HEADINGS.method, blocks: [{ kind: 'paragraph', text: `Each screenshot is decoded with size and format checks, mapped onto the layout template (resolution and slight rotation estimated from the image size), read as ink in the ${ev.template.ocr.ink.channel} channel (a red stamp vanishes), and OCR'd by ${r.engine.version}. Each line goes to the field whose box holds its centre; labels are stripped. A cell's confidence is its lowest line confidence.` }, ...blocks('method')] },
    { heading: HEADINGS.results, blocks: blocks('results') },
    { heading: HEADINGS.strength, blocks: [...blocks('strength'), ...shots.screenshotsFigures(r).map((f): Block => ({ kind: 'figure', figure: f }))] },
    { heading: HEADINGS.sensitivity, blocks: [{ kind: 'paragraph', text: shots.uncertaintySentence(r) }, ...blocks('sensitivity')] },
  ];
  const parameters = { ...r.params, images: o.images.map(displayPath), layout: displayPath(paths.template) };
  const run = commandRunInfo('screenshots', o, { synthetic });
  const document: ReportDocument = {
    title: { en: 'Screenshots to evidence table', zh: '公证截图转为证据表' },
    question: `What do the ${ev.images.length} screenshots show, field by field, how sure is each reading, and could OCR errors change any comparison with the source profiles?`,
    ...(synthetic
      ? { synthetic: { dataset: 'datasets/screenshots', generator: 'src/screenshots/dataset.ts generateCards', seed: shots.SCREENSHOTS_DATASET_SEED, imitates: 'screenshots of profile pages in notarial certificate No. 704 (Weibo v. Maimai)', files: ['images/*.jpg', 'manifest.csv', 'truth.csv', 'calibration.json'] } }
      : {}),
    provenance: ev.tables.map(cleanProvenance),
    sections,
    limitations: r.limitations,
    runInfo: { ...run, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  const results = { run, parameters, ...shots.maskedResult(r, view), files: r.files.map((f) => ({ ...f, path: displayPath(f.path) })), tables: ev.tables.map(cleanProvenance) };
  return { command: 'screenshots', results, document };
}

