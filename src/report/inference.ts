/**
 * The layout of one inference's result, shared by every surface: an area's
 * `<inference>Report(result, options)` returns an `InferenceReport` (title, question, sections of
 * blocks with ids, limitations). The command line renders it whole into the expert report
 * (`renderReport`); a notebook shows it block by block between its markdown cells
 * (`showBlock(report, 'fieldRates')`), so the two surfaces show the same tables and figures
 * built by the same code.
 */
import { displayBundle, escapeHtml } from '../display/mime';
import { tableHtml } from './table';
import { figureBundle, showFigure } from '../plot/show';
import type { Bilingual, Block, Section } from './document';

export interface InferenceReport {
  title: Bilingual;
  /** The question put to the expert, in one or two sentences. */
  question: string;
  sections: Section[];
  /** Limitations, computed from the result where they depend on it. */
  limitations: string[];
}

/** Every block of a report with its id, in order (ids are unique within a report). */
export function reportBlocks(report: InferenceReport): Array<Block & { id: string }> {
  const out: Array<Block & { id: string }> = [];
  const seen = new Set<string>();
  report.sections.forEach((s, i) =>
    s.blocks.forEach((b, j) => {
      const id = b.id ?? `s${i}b${j}`;
      if (seen.has(id)) throw new Error(`report '${report.title.en}': block id '${id}' is used twice`);
      seen.add(id);
      out.push({ ...b, id });
    }),
  );
  return out;
}

/** The block with this id (throws, naming the ids there are, when there is none). */
export function reportBlock(report: InferenceReport, id: string): Block {
  const blocks = reportBlocks(report);
  const b = blocks.find((x) => x.id === id);
  if (!b) throw new Error(`report '${report.title.en}' has no block '${id}'; it has: ${blocks.map((x) => x.id).join(', ')}`);
  return b;
}

/** The MIME bundle a notebook displays for one block (HTML + plain text; figures as plotly JSON). */
export function blockBundle(b: Block): Record<string, unknown> {
  switch (b.kind) {
    case 'paragraph':
      return { 'text/html': `<p>${escapeHtml(b.text)}</p>`, 'text/plain': b.text };
    case 'html':
      return { 'text/html': b.html, 'text/plain': b.html.replace(/<[^>]+>/g, '') };
    case 'table': {
      const t = tableHtml(b.rows, b.options ?? {});
      return { 'text/html': t.html, 'text/plain': t.text };
    }
    case 'figure':
      return figureBundle(b.figure);
    case 'keyValues': {
      const t = tableHtml(Object.entries(b.values).map(([item, value]) => ({ item, value })), { caption: b.caption });
      return { 'text/html': t.html, 'text/plain': t.text };
    }
  }
}

/** Show one block of a report in a notebook (by id). */
export function showBlock(report: InferenceReport, id: string): void {
  const b = reportBlock(report, id);
  // A figure goes through showFigure, which loads plotly.js into the page the first time.
  if (b.kind === 'figure') showFigure(b.figure);
  else displayBundle(blockBundle(b) as never);
}

/** Show several blocks in order (by id). */
export function showBlocks(report: InferenceReport, ids: string[]): void {
  for (const id of ids) showBlock(report, id);
}

/** Show a whole section (by its English heading or its index). */
export function showSection(report: InferenceReport, heading: string | number): void {
  const s = typeof heading === 'number' ? report.sections[heading] : report.sections.find((x) => x.heading.en === heading);
  if (!s) throw new Error(`report '${report.title.en}' has no section '${heading}'`);
  for (const b of s.blocks) (b.kind === 'figure' ? showFigure(b.figure) : displayBundle(blockBundle(b) as never));
}

/** The ids of every block (handy when writing a notebook against a report). */
export function blockIds(report: InferenceReport): string[] {
  return reportBlocks(report).map((b) => b.id);
}
