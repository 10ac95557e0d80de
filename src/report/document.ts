/**
 * A standalone expert report (HTML, opens offline) assembled from declared sections, used by
 * the command line. The order follows what a court expects of an evaluative report (ENFSI
 * Guideline for Evaluative Reporting, 2015): the question and the propositions, the material
 * examined (provenance manifest), the method (declared comparison levels, assumptions), the
 * results with their uncertainty, the strength of evidence (likelihood ratio and verbal scale),
 * sensitivity, limitations, and the run information (software, commit, seeds).
 *
 * Pure: the same document gives the same bytes (no clock inside; the caller passes what it
 * wants recorded).
 */
import { escapeHtml } from '../display/mime';
import { tidyNumbersInText } from './number';
import { maskPhonesInText } from './mask';
import { redactParameters } from './secrets';
import { tableHtml, type TableOptions } from './table';
import { syntheticNoticeHtml, type SyntheticNotice } from './notices';
import { provenanceManifest, type FileProvenance } from '../io/provenance';
import { figureHtml } from '../plot/show';
import { plotlySource } from '../plot/show';
import type { Figure } from '../plot/figure';

export type Lang = 'en' | 'zh' | 'both';

/** A heading in both languages; `lang` picks one or shows both. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A block of a report; `id` names it for notebooks (`pp.report.showBlock(report, id)`). */
export type Block = (
  | { kind: 'paragraph'; text: string }
  | { kind: 'html'; html: string }
  | { kind: 'table'; rows: Array<Record<string, unknown>>; options?: TableOptions }
  | { kind: 'figure'; figure: Figure }
  | { kind: 'keyValues'; values: Record<string, unknown>; caption?: string }
) & { id?: string };

export interface Section {
  heading: Bilingual;
  blocks: Block[];
}

export interface ReportDocument {
  title: Bilingual;
  /** The question put to the expert, in one or two sentences. */
  question: string;
  synthetic?: SyntheticNotice | SyntheticNotice[];
  provenance: FileProvenance[];
  sections: Section[];
  limitations: string[];
  runInfo: Record<string, unknown>;
  lang?: Lang;
  /**
   * Mask mobile numbers in every text of the report (paragraphs, tables, key-values, the run
   * information). Default: masked unless `runInfo.masked` is false (a command run with --unmask).
   */
  masked?: boolean;
}

/** Standard section headings, so every report reads the same in both languages. */
export const HEADINGS = {
  question: { en: 'Question', zh: '鉴定问题' },
  material: { en: 'Material examined', zh: '检材（证据文件）' },
  method: { en: 'Method', zh: '方法' },
  results: { en: 'Results', zh: '结果' },
  strength: { en: 'Strength of evidence', zh: '证据强度' },
  sensitivity: { en: 'Sensitivity analysis', zh: '敏感性分析' },
  limitations: { en: 'Limitations', zh: '局限性' },
  run: { en: 'Software, commit and seeds', zh: '软件版本、提交与随机种子' },
} satisfies Record<string, Bilingual>;

export function headingText(h: Bilingual, lang: Lang): string {
  if (lang === 'en') return h.en;
  if (lang === 'zh') return h.zh;
  return `${h.zh} / ${h.en}`;
}

function blockHtml(b: Block, masked: boolean): string {
  const text = masked ? maskPhonesInText : (t: string) => t;
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(text(tidyNumbersInText(b.text)))}</p>`;
    case 'html':
      return text(b.html);
    case 'table':
      return tableHtml(b.rows, { maxRows: 1000, ...b.options, unmask: !masked }).html;
    case 'figure':
      return figureHtml(b.figure);
    case 'keyValues':
      return tableHtml(
        Object.entries(b.values).map(([item, value]) => ({ item, value: typeof value === 'string' ? tidyNumbersInText(value) : value })),
        { caption: b.caption, maxRows: 1000, unmask: !masked },
      ).html;
  }
}

const STYLE = `body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em;border-bottom:2px solid #333}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
code{background:#f4f4f4;padding:0 3px;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;max-width:100%}.pp-question{font-size:1.05em;background:#f7f9fc;border-left:4px solid #2b6cb0;padding:8px 12px}
p,li{overflow-wrap:anywhere}.pp-figure{max-width:100%;overflow-x:auto}
@page{size:A4;margin:15mm 12mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:11px}.pp-figure{page-break-inside:avoid}h2{page-break-after:avoid}}`;

/** Render the report as one self-contained HTML page (plotly.js inlined only if a figure needs it). */
export function renderReport(doc: ReportDocument): string {
  const lang = doc.lang ?? 'both';
  const masked = doc.masked ?? doc.runInfo.masked !== false;
  const text = masked ? maskPhonesInText : (t: string) => t;
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(headingText(doc.title, lang))}</h1>`);
  for (const n of doc.synthetic === undefined ? [] : Array.isArray(doc.synthetic) ? doc.synthetic : [doc.synthetic]) parts.push(syntheticNoticeHtml(n));
  parts.push(`<h2>${escapeHtml(headingText(HEADINGS.question, lang))}</h2><div class="pp-question">${escapeHtml(text(tidyNumbersInText(doc.question)))}</div>`);
  parts.push(`<h2>${escapeHtml(headingText(HEADINGS.material, lang))}</h2>`);
  parts.push(tableHtml(provenanceManifest(doc.provenance), { caption: 'SHA-256 of each evidence file as read', maxRows: 1000, unmask: !masked }).html);
  for (const s of doc.sections) {
    parts.push(`<h2>${escapeHtml(headingText(s.heading, lang))}</h2>`);
    for (const b of s.blocks) parts.push(blockHtml(b, masked));
  }
  parts.push(`<h2>${escapeHtml(headingText(HEADINGS.limitations, lang))}</h2>`);
  parts.push(`<ul>${doc.limitations.map((l) => `<li>${escapeHtml(text(tidyNumbersInText(l)))}</li>`).join('')}</ul>`);
  parts.push(`<h2>${escapeHtml(headingText(HEADINGS.run, lang))}</h2>`);
  parts.push(blockHtml({ kind: 'keyValues', values: redactParameters(doc.runInfo, { unmask: !masked }) }, masked));
  const needsPlotly = doc.sections.some((s) => s.blocks.some((b) => b.kind === 'figure'));
  const plotly = needsPlotly ? `<script type="text/javascript">${plotlySource().replace(/<\/script/gi, '<\\/script')}</script>` : '';
  return (
    `<!doctype html>\n<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(headingText(doc.title, lang))}</title><style>${STYLE}</style>${plotly}</head>\n<body>\n` +
    parts.join('\n') +
    `\n</body></html>\n`
  );
}
