/**
 * Tables for notebooks and reports. danfojs prints a text box cut at 10 rows; evidence tables
 * need every row a reader is asked to check, as HTML, with numbers formatted consistently.
 */
import { displayBundle, escapeHtml, type MimeBundle } from '../display/mime';
import { DEFAULT_DIGITS, formatNumber } from './number';
import { maskPhonesInText } from './mask';

export interface TableOptions {
  caption?: string;
  /** Show at most this many rows (default 50); the caption says how many were left out. */
  maxRows?: number;
  /** Significant digits for non-integer numbers (default 4). */
  digits?: number;
  /** Column order / subset; default: keys of the first row, then any new keys in order. */
  columns?: string[];
  /**
   * Show mobile numbers as found (default false: every text cell and the caption pass through
   * `maskPhonesInText`, whatever the column, so an uploader id or a note that IS a number is
   * masked without each caller remembering to).
   */
  unmask?: boolean;
}

/** Rows from a danfojs DataFrame, a plain array of records, or a column-major object. */
export function toRows(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data as Array<Record<string, unknown>>;
  if (data && typeof data === 'object') {
    const d = data as { toJSON?: (opts?: unknown) => unknown; columns?: unknown; values?: unknown };
    if (Array.isArray(d.columns) && Array.isArray(d.values)) {
      const cols = d.columns as string[];
      return (d.values as unknown[][]).map((row) => Object.fromEntries(cols.map((c, i) => [c, row[i]])));
    }
    const entries = Object.entries(data as Record<string, unknown>);
    if (entries.length && entries.every(([, v]) => Array.isArray(v) || ArrayBuffer.isView(v))) {
      const n = Math.max(...entries.map(([, v]) => (v as ArrayLike<unknown>).length));
      return Array.from({ length: n }, (_, i) => Object.fromEntries(entries.map(([k, v]) => [k, (v as ArrayLike<unknown>)[i]])));
    }
  }
  throw new TypeError('showTable expects an array of records, a danfojs DataFrame or an object of columns');
}

export function formatCell(v: unknown, digits = DEFAULT_DIGITS): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, digits);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => formatCell(x, digits)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A hex digest (SHA-1/SHA-256 …): 32 or more hex digits. */
const HEX_DIGEST = /^[0-9a-f]{32,}$/i;

/** First 12 and last 4 hex digits: enough to tell files apart at a glance. */
export function shortHash(h: string): string {
  return h.length <= 20 ? h : `${h.slice(0, 12)}…${h.slice(-4)}`;
}

/**
 * A cell as HTML. A hex digest shows shortened on screen with the full value on hover (title)
 * and in full, wrapped, when printed (the PDF keeps every digit a reader may re-hash against).
 */
function cellHtml(v: unknown, digits: number, shownText: (t: string) => string = maskPhonesInText): string {
  if (typeof v === 'number') return `<td class="num">${escapeHtml(formatCell(v, digits))}</td>`;
  if (typeof v === 'string' && HEX_DIGEST.test(v)) {
    const full = escapeHtml(v);
    return `<td class="pp-hash" title="${full}"><code><span class="pp-hash-short">${escapeHtml(shortHash(v))}</span><span class="pp-hash-full">${full}</span></code></td>`;
  }
  return `<td>${escapeHtml(shownText(formatCell(v, digits)))}</td>`;
}

/** Render rows as an HTML table (pure; used by showTable and by report writers). */
export function tableHtml(data: unknown, options: TableOptions = {}): { html: string; text: string } {
  const rows = toRows(data);
  const maxRows = options.maxRows ?? 50;
  const digits = options.digits ?? 4;
  const shownText = options.unmask ? (t: string) => t : maskPhonesInText;
  const cellText = (v: unknown): string => (typeof v === 'number' ? formatCell(v, digits) : shownText(formatCell(v, digits)));
  const columns = options.columns ?? collectColumns(rows);
  const shown = rows.slice(0, maxRows);
  const omitted = rows.length - shown.length;
  const caption =
    shownText(options.caption ?? '') +
    (omitted > 0 ? `${options.caption ? ' — ' : ''}first ${shown.length} of ${rows.length} rows` : '');
  const head = columns.map((c) => `<th>${escapeHtml(shownText(c))}</th>`).join('');
  const body = shown
    .map((r) => {
      const cells = columns.map((c) => cellHtml(r[c], digits, shownText));
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  // The wrapper scrolls sideways on screen when a table is wider than the page; printed,
  // cells wrap (long tokens break) so the table fits the paper width.
  const html =
    `<div class="pp-table-wrap"><table class="pp-table">` +
    (caption ? `<caption>${escapeHtml(caption)}</caption>` : '') +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
  const text = [
    caption,
    columns.map(shownText).join('\t'),
    ...shown.map((r) => columns.map((c) => cellText(r[c])).join('\t')),
  ]
    .filter((l) => l !== '')
    .join('\n');
  return { html: TABLE_STYLE + html, text };
}

// Selectors carry `table.` and the Jupyter wrapper class so they win over the notebook and
// nbconvert stylesheets, which right-align every cell.
const TABLE_STYLE =
  '<style>table.pp-table{border-collapse:collapse;margin:0.5em 0;font-size:13px}' +
  'table.pp-table caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}' +
  '.jp-RenderedHTMLCommon table.pp-table th,.jp-RenderedHTMLCommon table.pp-table td,.rendered_html table.pp-table th,.rendered_html table.pp-table td,' +
  'table.pp-table th,table.pp-table td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}' +
  '.jp-RenderedHTMLCommon table.pp-table td.num,.rendered_html table.pp-table td.num,table.pp-table td.num{text-align:right;font-variant-numeric:tabular-nums}' +
  'table.pp-table thead th{background:#f3f3f3}' +
  '.pp-table-wrap{max-width:100%;overflow-x:auto}' +
  'table.pp-table td{overflow-wrap:anywhere}' +
  'table.pp-table td.pp-hash code{font-size:0.92em;background:none;padding:0}' +
  'table.pp-table .pp-hash-full{display:none}' +
  '@media print{.pp-table-wrap{overflow:visible}table.pp-table{width:100%;font-size:10px}' +
  'table.pp-table th,table.pp-table td{padding:2px 4px;word-break:break-word;overflow-wrap:anywhere}' +
  'table.pp-table .pp-hash-short{display:none}table.pp-table .pp-hash-full{display:inline;word-break:break-all}' +
  'table.pp-table tr{page-break-inside:avoid}}</style>';

function collectColumns(rows: Array<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** Display rows (records, a DataFrame, or columns) as an HTML table. */
export function showTable(data: unknown, options: TableOptions = {}): void {
  const { html, text } = tableHtml(data, options);
  displayBundle({ 'text/html': html, 'text/plain': text });
}
