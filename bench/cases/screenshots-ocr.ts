/**
 * screenshots-ocr: OCR of synthetic phone screenshots of profile pages (1080 px wide: device
 * pixel ratio 3, slight rotation, JPEG q70-90, notary stamp over the text) into profile rows with
 * the committed layout template. Quality: share of name cells and of other cells (employer,
 * title, school, tags) read exactly, character accuracy. Targets (issue 19): nameAccuracy >= 0.98,
 * fieldAccuracy >= 0.95, >= 2 cards/s on the 2-core machine.
 * Setup (not timed): CARDS cards rendered in Chromium from datasets/matching/displayed.csv
 * (src/screenshots generateCards, seed 2026: other cards than the committed set), both engines loaded.
 * The same cards are then read by the other engine (tesseract), reported under extra.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { benchmark } from '../lib';
import { createOcrEngine, generateCards, parseDisplayedCsv, parseLayoutTemplate, readCard, scoreCell, summariseAccuracy, PHONE_SCALE, type CardRead, type GeneratedCard, type OcrEngine } from '../../src/screenshots';

const CARDS = Number(process.env.SCREENSHOTS_BENCH_CARDS ?? 40);
const SEED = 2026;
const CONCURRENCY = 2;
const root = join(__dirname, '..', '..');

async function readAll(cards: readonly GeneratedCard[], engine: OcrEngine) {
  const t = parseLayoutTemplate(readFileSync(join(root, 'datasets', 'screenshots', 'maimai-card.yaml'), 'utf8'), 'maimai-card.yaml');
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out: CardRead[] = new Array(cards.length);
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < cards.length) {
      const i = next++;
      out[i] = (await readCard(cards[i]!.file, cards[i]!.bytes, t, engine)).read;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const acc = summariseAccuracy(out.map((r, i) => r.cells.map((c) => scoreCell(c.field, cards[i]!.truth[c.field], c.text))));
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, acc };
}

void benchmark({
  name: 'screenshots-ocr',
  issue: 'screenshots',
  params: { cards: CARDS, widthPx: 360 * PHONE_SCALE, seed: SEED, engine: 'paddle (PP-OCRv4 via @gutenye/ocr-node)', concurrency: CONCURRENCY, template: 'datasets/screenshots/maimai-card.yaml' },
  target: { throughput: 2 },
  setup: async () => {
    const profiles = parseDisplayedCsv(readFileSync(join(root, 'datasets', 'matching', 'displayed.csv'), 'utf8'));
    const cards = await generateCards(profiles, { seed: SEED, count: CARDS, scales: [PHONE_SCALE], prefix: 'bench' });
    const paddle = await createOcrEngine('paddle');
    const tesseract = await createOcrEngine('tesseract');
    return { cards, paddle, tesseract };
  },
  run: async ({ cards, paddle, tesseract }) => {
    const p = await readAll(cards, paddle);
    const t = await readAll(cards, tesseract);
    return {
      throughput: cards.length / p.seconds,
      throughputUnit: 'cards/s',
      quality: { nameAccuracy: p.acc.nameAccuracy, fieldAccuracy: p.acc.fieldAccuracy, charAccuracy: p.acc.charAccuracy },
      extra: {
        paddleSeconds: p.seconds,
        paddleCpuSeconds: p.cpuSeconds,
        // What two idle cores would sustain, from CPU time (the wall time depends on the load).
        cardsPerSecondFromCpuTime2Cores: (2 * cards.length) / p.cpuSeconds,
        paddleByField: p.acc.byField,
        loadAverage1m: loadavg()[0],
        engineVersion: paddle.version,
        tesseract: {
          version: tesseract.version, seconds: t.seconds, cardsPerSecond: cards.length / t.seconds,
          nameAccuracy: t.acc.nameAccuracy, fieldAccuracy: t.acc.fieldAccuracy, charAccuracy: t.acc.charAccuracy, byField: t.acc.byField,
          note: 'tesseract runs as child processes: their CPU time is not in paddleCpuSeconds-style process figures',
        },
      },
    };
  },
});
