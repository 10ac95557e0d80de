/**
 * A progress bar for long runs: cli-progress on a terminal (stderr), an updating HTML bar in
 * a tslab notebook, silent elsewhere (tests, CI logs without a TTY unless forced).
 *
 * @example
 * const bar = progress(1e8, 'edges');
 * for (...) bar.tick(chunk);
 * bar.done();
 */
import { displayBundle, escapeHtml, inNotebook } from '../display/mime';

export interface Progress {
  tick(n?: number): void;
  done(): void;
}

export function progress(total: number, label: string, options: { force?: boolean } = {}): Progress {
  let done = 0;
  if (inNotebook()) {
    const id = `pp-progress-${Math.random().toString(36).slice(2)}`;
    let lastShown = -1;
    const render = (update: boolean) => {
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      if (pct === lastShown && update) return;
      lastShown = pct;
      displayBundle(
        {
          'text/html':
            `<div style="font:12px monospace">${escapeHtml(label)} ` +
            `<progress value="${pct}" max="100" style="width:240px"></progress> ${pct}% ` +
            `(${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')})</div>`,
          'text/plain': `${label}: ${pct}%`,
        },
        id,
        update,
      );
    };
    render(false);
    return {
      tick(n = 1) {
        done += n;
        render(true);
      },
      done() {
        done = total;
        render(true);
      },
    };
  }
  if (process.stderr.isTTY || options.force) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cliProgress = require('cli-progress') as typeof import('cli-progress');
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      tick(n = 1) {
        done += n;
        bar.update(done);
      },
      done() {
        bar.update(total);
        bar.stop();
      },
    };
  }
  return { tick(n = 1) { done += n; }, done() { done = total; } };
}
