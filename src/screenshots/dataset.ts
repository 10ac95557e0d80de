/**
 * The synthetic screenshot set: profile cards rendered from the committed synthetic displayed
 * profiles (datasets/matching/displayed.csv), with ground truth. SYNTHETIC: no row describes a
 * real person. Seeded: the same seed, Chromium, fonts and sharp give the same bytes.
 */
import Papa from 'papaparse';
import { deriveSeed, seededRandom, shuffleInPlace } from '../stats/random';
import { cardHtml, degradeCard, randomCardVariant, renderCardsPng, splitTags, type CardProfile, type CardVariant } from './cards';

/** Seed of the committed set (704: the notarial certificate the cards imitate). */
export const SCREENSHOTS_DATASET_SEED = 704;

/** Device pixel ratios: 3 = a 1080-pixel-wide phone screenshot ("phone resolution"), 2 = 720, 1.5 = 540. */
export const CARD_SCALES = [3, 2, 1.5] as const;
export const PHONE_SCALE = 3;

export interface DisplayedProfileRow {
  id: string;
  uploader: string;
  name: string;
  avatar_hash: string;
  employer: string;
  title: string;
  school: string;
  tags: string;
}

/** Ground truth of one card (NOT evidence: for measuring the OCR only). */
export interface CardTruth {
  file: string;
  id: string;
  uploader: string;
  name: string;
  employer: string;
  title: string;
  school: string;
  /** Tags joined with '、' as displayed. */
  tags: string;
  scale: number;
  rotation: number;
  jpeg_quality: number;
}

export interface GeneratedCard {
  file: string;
  bytes: Buffer;
  truth: CardTruth;
}

export interface CardSetOptions {
  seed: number;
  /** How many cards. */
  count: number;
  /** Device pixel ratios to draw from, in turn (card i gets scales[i % length]). */
  scales?: readonly number[];
  /** File name prefix. */
  prefix?: string;
  /** Render in batches of this many (one browser each). */
  batch?: number;
}

/** Parse displayed.csv text into rows (the committed file is UTF-8 with a header). */
export function parseDisplayedCsv(text: string): DisplayedProfileRow[] {
  return Papa.parse<DisplayedProfileRow>(text, { header: true, skipEmptyLines: true }).data;
}

/** Cards for `count` profiles drawn (seeded, without replacement) from `profiles`. */
export async function generateCards(profiles: readonly DisplayedProfileRow[], options: CardSetOptions): Promise<GeneratedCard[]> {
  const scales = options.scales ?? CARD_SCALES;
  const order = Array.from(profiles.keys());
  shuffleInPlace(seededRandom(deriveSeed(options.seed, 'screenshots/pick')), order);
  const picked = order.slice(0, Math.min(options.count, profiles.length)).map((i) => profiles[i]!);
  const prefix = options.prefix ?? 'card';
  const items = picked.map((r, i) => {
    const v: CardVariant = { ...randomCardVariant(seededRandom(deriveSeed(options.seed, `screenshots/card/${i}`)), scales), scale: scales[i % scales.length]! };
    const p: CardProfile = { id: r.id, name: r.name, employer: r.employer, title: r.title, school: r.school, tags: splitTags(r.tags), avatarHash: r.avatar_hash };
    return { r, p, v, file: `${prefix}-${String(i + 1).padStart(3, '0')}.jpg` };
  });
  const out: GeneratedCard[] = [];
  const batch = options.batch ?? 40;
  for (let s = 0; s < items.length; s += batch) {
    const chunk = items.slice(s, s + batch);
    const pngs = await renderCardsPng(chunk.map(({ p, v }) => ({ html: cardHtml(p, v), scale: v.scale })));
    for (let k = 0; k < chunk.length; k++) {
      const { r, p, v, file } = chunk[k]!;
      out.push({
        file,
        bytes: await degradeCard(pngs[k]!, v),
        truth: {
          file, id: r.id, uploader: r.uploader, name: p.name, employer: p.employer, title: p.title, school: p.school,
          tags: p.tags.join('、'), scale: v.scale, rotation: v.rotation, jpeg_quality: v.jpegQuality,
        },
      });
    }
  }
  return out;
}

export const TRUTH_COLUMNS: ReadonlyArray<keyof CardTruth> = ['file', 'id', 'uploader', 'name', 'employer', 'title', 'school', 'tags', 'scale', 'rotation', 'jpeg_quality'];
export const MANIFEST_COLUMNS = ['file', 'id', 'uploader'] as const;

export function toCsvText(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => (r[c] == null ? '' : String(r[c])))) }, { newline: '\n' }) + '\n';
}

