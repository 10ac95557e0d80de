/**
 * Tables for notebooks and reports. danfojs prints a text box cut at 10 rows; evidence tables
 * need every row a reader is asked to check, as HTML, with numbers formatted consistently.
 */
import { displayBundle, escapeHtml, type MimeBundle } from '../display/mime';

export interface TableOptions {
  caption?: string;
  /** Show at most this many rows (default 50); the caption says how many were left out. */
  maxRows?: number;
  /** Significant digits for non-integer numbers (default 4). */
  digits?: number;
  /** Column order / subset; default: keys of the first row, then any new keys in order. */
  columns?: string[];
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

export function formatCell(v: unknown, digits = 4): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
    if (Number.isInteger(v)) return Math.abs(v) >= 1e15 ? v.toExponential(digits - 1) : v.toLocaleString('en-US');
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-4 || a >= 1e15)) return v.toExponential(digits - 1);
    return String(Number(v.toPrecision(digits)));
  }
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => formatCell(x, digits)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Render rows as an HTML table (pure; used by showTable and by report writers). */
export function tableHtml(data: unknown, options: TableOptions = {}): { html: string; text: string } {
  const rows = toRows(data);
  const maxRows = options.maxRows ?? 50;
  const digits = options.digits ?? 4;
  const columns = options.columns ?? collectColumns(rows);
  const shown = rows.slice(0, maxRows);
  const omitted = rows.length - shown.length;
  const caption =
    (options.caption ?? '') +
    (omitted > 0 ? `${options.caption ? ' — ' : ''}first ${shown.length} of ${rows.length} rows` : '');
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = shown
    .map((r) => {
      const cells = columns.map((c) => {
        const v = r[c];
        const cls = typeof v === 'number' ? ' class="num"' : '';
        return `<td${cls}>${escapeHtml(formatCell(v, digits))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const html =
    `<table class="pp-table">` +
    (caption ? `<caption>${escapeHtml(caption)}</caption>` : '') +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  const text = [
    caption,
    columns.join('\t'),
    ...shown.map((r) => columns.map((c) => formatCell(r[c], digits)).join('\t')),
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
  'table.pp-table thead th{background:#f3f3f3}</style>';

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
