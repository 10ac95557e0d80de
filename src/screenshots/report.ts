/**
 * The layout of a screenshots result, shared by notebook 08 and `profile-provenance
 * screenshots`: the tables of `screenshotsTables` in their sections, the figures, and the
 * sentences worded from the result (calibration, review, OCR uncertainty). Block ids are the
 * table ids plus 'method', 'calibrationReading', 'review', 'uncertaintyReading' and 'figure<i>'.
 */
import { HEADINGS, type Block, type Section } from '../report/document';
import type { InferenceReport } from '../report/inference';
import type { ScreenshotsResult } from './analyse';
import { screenshotsFigures, screenshotsTables, uncertaintySentence, type ScreenshotsSection } from './tables';

/** What the calibration cards say about OCR confidence, worded from the figures. */
export function calibrationSentence(r: ScreenshotsResult): string {
  const top = r.calibration ? r.calibration[r.calibration.length - 1] : null;
  if (!top) return 'No calibration set was given: every cell is treated as possibly misread.';
  const low = r.calibration!.filter((b) => b.from !== null && b.to !== null && b.to <= r.template.reviewBelow && b.cells > 0);
  const lowCells = low.reduce((s, b) => s + b.cells, 0);
  const lowMis = low.reduce((s, b) => s + b.misread, 0);
  return `On the calibration cards, cells read with confidence ${top.band} were misread ${top.misread} times in ${top.cells} ` +
    `(${(100 * top.errorRate).toFixed(1)}%, 95% interval up to ${(100 * top.upper).toFixed(1)}%); below the review threshold ` +
    `${r.template.reviewBelow}, ${lowMis} of ${lowCells} were misread. That is why those cells go to a human reviewer.`;
}

/** What the human review changed, worded from the result. */
export function reviewSentence(r: ScreenshotsResult): string {
  return r.review.changes.length
    ? `${r.review.changes.length} corrections merged from ${r.review.reviewFile}, ${r.review.confirmed} readings confirmed.`
    : `No review sheet merged in this run: ${r.review.flagged} of ${r.review.cells} cells await review (the review sheet is screenshots-review.csv from the command line, or pp.screenshots.reviewCsv(r.cards)).`;
}

/** The report of a screenshots run (names masked unless `mask: false`). */
export function screenshotsReport(r: ScreenshotsResult, options: { mask?: boolean } = {}): InferenceReport {
  const tables = screenshotsTables(r, { unmask: options.mask === false });
  const blocks = (s: ScreenshotsSection): Block[] =>
    tables.filter((t) => t.section === s).map((t) => ({ id: t.id, kind: 'table', rows: t.rows, options: { caption: t.caption, ...(t.maxRows ? { maxRows: t.maxRows } : {}), ...(t.digits ? { digits: t.digits } : {}) } }));
  const sections: Section[] = [
    { heading: HEADINGS.material, blocks: blocks('material') },
    {
      heading: HEADINGS.method,
      blocks: [
        { id: 'method', kind: 'paragraph', text: `Each screenshot is decoded with size and format checks, mapped onto the layout template (resolution and slight rotation estimated from the image size), read as ink in the ${r.template.inkChannel} channel (a red stamp vanishes), and OCR'd by ${r.engine.version}. Each line goes to the field whose box holds its centre; labels are stripped. A cell's confidence is its lowest line confidence.` },
        ...blocks('method'),
      ],
    },
    { heading: HEADINGS.results, blocks: [...blocks('results'), { id: 'review', kind: 'paragraph', text: reviewSentence(r) }] },
    {
      heading: HEADINGS.strength,
      blocks: [
        ...blocks('strength'),
        { id: 'calibrationReading', kind: 'paragraph', text: calibrationSentence(r) },
        ...screenshotsFigures(r).map((f, i): Block => ({ id: `figure${i}`, kind: 'figure', figure: f })),
      ],
    },
    { heading: HEADINGS.sensitivity, blocks: [{ id: 'uncertaintyReading', kind: 'paragraph', text: uncertaintySentence(r) }, ...blocks('sensitivity')] },
  ];
  return {
    title: { en: 'Screenshots to evidence table', zh: '公证截图转为证据表' },
    question: `What do the ${r.cards.length} screenshots show, field by field, how sure is each reading, and could OCR errors change any comparison with the source profiles?`,
    sections,
    limitations: r.limitations,
  };
}
