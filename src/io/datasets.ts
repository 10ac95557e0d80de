/**
 * The committed data sets (`datasets/<name>/dataset.json`): what each is (synthetic or public
 * reference data), its generator and seed, its answer key, and the SHA-256 of every file. A
 * result is labelled SYNTHETIC because an input's bytes are a synthetic data set's file, not
 * because of its path or a literal in the notebook: the label follows the evidence.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DatasetMetadata {
  /** 'datasets/matching' */
  dataset: string;
  synthetic: boolean;
  /** Synthetic sets: module and function that wrote the files. */
  generator?: string;
  seed?: number;
  /** What the synthetic data imitates (the case figure it is calibrated to). */
  imitates?: string;
  /** Reference sets: where the files come from. */
  origin?: string;
  licence?: string;
  /** Files of the answer key (simulations only), relative to the data set folder. */
  answerKey?: string[];
  /** Relative path -> SHA-256 of every file. */
  files: Record<string, string>;
}

/** The repository's `datasets/` folder (two levels above src/io or dist/io). */
export const DATASETS_DIR = resolve(__dirname, '..', '..', 'datasets');

let cache: DatasetMetadata[] | null = null;

/** Every data set's metadata, read once. */
export function datasetCatalogue(dir: string = DATASETS_DIR): DatasetMetadata[] {
  if (cache && dir === DATASETS_DIR) return cache;
  const out: DatasetMetadata[] = [];
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name, 'dataset.json');
      if (existsSync(p)) out.push(JSON.parse(readFileSync(p, 'utf8')) as DatasetMetadata);
    }
  }
  if (dir === DATASETS_DIR) cache = out;
  return out;
}

/** One data set by name ('matching') or folder ('datasets/matching'). */
export function datasetMetadata(name: string): DatasetMetadata {
  const want = name.startsWith('datasets/') ? name : `datasets/${name}`;
  const d = datasetCatalogue().find((x) => x.dataset === want);
  if (!d) throw new Error(`no data set ${want} (datasets/*/dataset.json)`);
  return d;
}

/** Absolute path of a file of a committed data set, e.g. `datasetFile('retention', 'claim.json')`. */
export function datasetFile(name: string, ...parts: string[]): string {
  return join(DATASETS_DIR, name, ...parts);
}

export interface DatasetMatch {
  metadata: DatasetMetadata;
  /** Files of the data set whose bytes are among the inputs. */
  files: string[];
  /** True when every given input is a file of this data set. */
  allInputs: boolean;
}

/**
 * The synthetic data sets the inputs come from, found by SHA-256: a result computed on any
 * of their files must carry the SYNTHETIC label.
 *
 * @example
 * syntheticSources([{ sha256: '…' }]); // [{ metadata: { dataset: 'datasets/matching', … }, files: ['displayed.csv'], allInputs: true }]
 */
export function syntheticSources(inputs: Array<{ sha256?: unknown }>): DatasetMatch[] {
  const shas = inputs.map((i) => String(i.sha256 ?? ''));
  const out: DatasetMatch[] = [];
  for (const d of datasetCatalogue()) {
    if (!d.synthetic) continue;
    const bySha = new Map(Object.entries(d.files).map(([f, s]) => [s, f]));
    const files = shas.flatMap((s) => (bySha.has(s) ? [bySha.get(s)!] : []));
    if (files.length) out.push({ metadata: d, files, allInputs: files.length === shas.length });
  }
  return out;
}
