/**
 * The committed synthetic data set `datasets/collaborative-filtering/`: a 5,000-node contact graph with
 * closeness weights, its attributes, and which fields a platform of the case's shape knows.
 * Written deterministically (fixed seed, fixed formatting, LF endings) so a test can
 * regenerate it and compare SHA-256 digests with the committed files.
 *
 * @example
 * const files = writeInferenceDataset('/tmp/inference');
 * files.map((f) => f.name); // => ['graph-5k.edges', 'attributes-5k.csv']
 */
import { sha256Bytes } from '../io/provenance';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSocialGraph, type SocialGraph } from './generator';
import { observe, type Observation } from './observation';

export const DATASET_SEED = 704;
export const DATASET_PARAMS = Object.freeze({
  nodes: 5000,
  edges: 50000,
  homophily: 0.6,
  closeness: Object.freeze({ focusMean: 2, randomMean: 0.5 }),
  registeredShare: 0.2,
});

const PREFIX: Record<string, string> = { city: 'C', employer: 'E', school: 'S', title: 'T', tags: 'G' };

/** The world and the platform's view behind the committed files. */
export function buildInferenceDataset(): { sim: SocialGraph; obs: Observation } {
  const sim = generateSocialGraph({
    nodes: DATASET_PARAMS.nodes,
    edges: DATASET_PARAMS.edges,
    homophily: DATASET_PARAMS.homophily,
    closeness: { ...DATASET_PARAMS.closeness },
    seed: DATASET_SEED,
  });
  const obs = observe(sim.values, { registeredShare: DATASET_PARAMS.registeredShare, seed: DATASET_SEED + 1 });
  return { sim, obs };
}

/** Display form of a value id: prefix + id, or prefix + 'P' + node for a personal value. */
export function formatValue(field: string, value: number, cardinality: number): string {
  const p = PREFIX[field] ?? field.slice(0, 1).toUpperCase();
  return value >= cardinality ? `${p}P${value - cardinality}` : `${p}${value}`;
}

export interface DatasetFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** Write the data set files into `dir` and return their names and SHA-256 digests. */
export function writeInferenceDataset(dir: string): DatasetFile[] {
  mkdirSync(dir, { recursive: true });
  const { sim, obs } = buildInferenceDataset();
  const g = sim.graph;
  const lines: string[] = ['# SYNTHETIC contact graph: u v closeness (undirected; repeated pairs are repeated contacts)'];
  for (let u = 0; u < g.n; u++) {
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
      const v = g.targets[a]!;
      if (v > u) lines.push(`${u} ${v} ${g.weights![a]!.toFixed(4)}`);
    }
  }
  // Self-consistency: each undirected edge appears once with v > u (no self-loops are generated).
  const fields = Object.keys(sim.values);
  const header = ['node', 'registered', 'weibo_login', ...fields.flatMap((f) => [f, `${f}_known`])];
  const rows: string[] = [header.join(',')];
  for (let u = 0; u < g.n; u++) {
    const cells: string[] = [String(u), String(obs.registered[u]), String(obs.weibo[u])];
    for (const f of fields) {
      cells.push(formatValue(f, sim.values[f]![u]!, sim.models[f]!.cardinality));
      cells.push(obs.known[f]![u]! >= 0 ? '1' : '0');
    }
    rows.push(cells.join(','));
  }
  const files: Array<[string, string]> = [
    ['graph-5k.edges', lines.join('\n') + '\n'],
    ['attributes-5k.csv', rows.join('\n') + '\n'],
  ];
  return files.map(([name, text]) => {
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(dir, name), buf);
    return { name, bytes: buf.length, sha256: sha256Bytes(buf) };
  });
}
