/**
 * Rich display in tslab notebooks. tslab's public `display.*` sends one MIME type per output;
 * a figure needs a bundle (plotly JSON + HTML fallback + text), so this module calls tslab's
 * internal `lastWriteDisplayData` (tslab 1.0.22 is pinned in package.json; test/report-display
 * checks the internal still exists). Outside a kernel (tests, CLI) nothing is sent. Each show*
 * function has a pure twin that builds the bundle or HTML (figureBundle, tableHtml, ...), which
 * tests and report writers use.
 */
export type MimeBundle = Record<string, unknown>;

type WriteDisplayData = (data: { data: MimeBundle; metadata: Record<string, unknown>; transient?: unknown }, update: boolean) => void;

function kernelWriter(): WriteDisplayData | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}

/** True inside a running tslab kernel. */
export function inNotebook(): boolean {
  return kernelWriter() !== null;
}

/** Send a MIME bundle as one display_data output (no-op outside a kernel). Returns nothing, so a
 * notebook cell ending in a show call prints no value. */
export function displayBundle(bundle: MimeBundle, displayId?: string, update = false): void {
  const write = kernelWriter();
  if (write) write({ data: bundle, metadata: {}, transient: displayId ? { display_id: displayId } : {} }, update);
}

/**
 * Escape text for HTML element content and attribute values. Control characters (a NUL in an
 * id, an escape sequence) are shown as visible \u escapes: a browser would drop or garble
 * them, making two different values look the same.
 */
export function escapeHtml(s: unknown): string {
  return String(s)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Display raw HTML (with a plain-text fallback). */
export function showHtml(html: string, text = stripTags(html)): void {
  displayBundle({ 'text/html': html, 'text/plain': text });
}

/** Display Markdown (rendered by Jupyter and by nbconvert's HTML export). */
export function showMarkdown(md: string): void {
  displayBundle({ 'text/markdown': md, 'text/plain': md });
}

function stripTags(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}
