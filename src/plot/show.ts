/**
 * Display a plotly figure in tslab so that it renders in the interactive notebook AND in the
 * exported HTML report, with no network:
 *  - `application/vnd.plotly.v1+json`: the figure as a JSON object (not a string), for
 *    front ends with a plotly renderer (JupyterLab + jupyterlab-plotly);
 *  - `text/html`: a div + script calling `Plotly.newPlot` (what nbconvert's HTML export and the
 *    classic notebook show), waiting for plotly.js to be present;
 *  - `text/plain`: the title, for text-only viewers.
 * plotly.js itself (from the `plotly.js-dist` package, minified once into dist/vendor by the
 * build) is inlined ONCE per kernel session, in its own output, before the first figure, so
 * an executed notebook and its HTML report carry exactly one copy and open offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayBundle, escapeHtml, inNotebook, type MimeBundle } from '../display/mime';
import { figureId, figureJson, withDefaults, type Figure } from './figure';

let plotlyShown = false;
let cachedPlotlySource: string | null = null;

/** The plotly.js source: the minified copy made by the build, else the package's own file. */
export function plotlySource(): string {
  if (cachedPlotlySource) return cachedPlotlySource;
  const candidates = [
    join(__dirname, '..', 'vendor', 'plotly.min.js'), // dist/plot -> dist/vendor
    join(__dirname, '..', '..', 'dist', 'vendor', 'plotly.min.js'), // src/plot -> dist/vendor
  ];
  const found = candidates.find((p) => existsSync(p));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cachedPlotlySource = readFileSync(found ?? require.resolve('plotly.js-dist/plotly.js'), 'utf8');
  return cachedPlotlySource;
}

/** The output that loads plotly.js into the page (inline, offline). */
export function plotlyLoaderBundle(): MimeBundle {
  const src = plotlySource().replace(/<\/script/gi, '<\\/script');
  return {
    'text/html': `<script type="text/javascript">/* plotly.js-dist, inlined once per report */\n${src}\n</script>`,
    'text/plain': '(plotly.js loaded)',
  };
}

/** Display the plotly.js loader (again). Use after restarting a kernel in an open notebook. */
export function loadPlotly(): void {
  plotlyShown = true;
  displayBundle(plotlyLoaderBundle());
}

/** The HTML fallback for one figure (pure; deterministic for a given figure). */
export function figureHtml(fig: Figure): string {
  const full = withDefaults(fig);
  const id = `pp-fig-${figureId(full)}`;
  const json = figureJson(full).replace(/<\//g, '<\\/');
  const height = Number((full.layout as { height?: number }).height ?? 420);
  return (
    `<div id="${id}" class="pp-figure" style="width:100%;min-width:480px;height:${height}px"></div>\n` +
    `<script type="text/javascript">(function(){var fig=${json};var el=document.getElementById(${JSON.stringify(id)});` +
    `function draw(){window.Plotly.newPlot(el,fig.data,fig.layout,{responsive:true,displaylogo:false});}` +
    `if(window.Plotly){draw();}else{var n=0;var t=setInterval(function(){if(window.Plotly){clearInterval(t);draw();}` +
    `else if(++n>200){clearInterval(t);el.textContent='plotly.js is not loaded: run pp.plot.loadPlotly() in a cell above.';}},50);}})();</script>`
  );
}

/** The MIME bundle for a figure (pure). */
export function figureBundle(fig: Figure): MimeBundle {
  const full = withDefaults(fig);
  const title = (full.layout as { title?: unknown }).title;
  const titleText = typeof title === 'string' ? title : (title as { text?: string } | undefined)?.text ?? 'figure';
  return {
    'application/vnd.plotly.v1+json': JSON.parse(figureJson(full)) as unknown,
    'text/html': figureHtml(full),
    'text/plain': `[plotly figure: ${titleText}]`,
  };
}

/** Show a figure in the notebook (loads plotly.js first if this session has not yet). */
export function showFigure(fig: Figure): void {
  if (!plotlyShown && inNotebook()) loadPlotly();
  displayBundle(figureBundle(fig));
}

/** Escape helper re-exported for figure builders that write HTML captions. */
export { escapeHtml };
