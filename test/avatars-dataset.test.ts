/**
 * The committed synthetic set regenerates byte for byte (sharp's encoders are deterministic
 * for a given build), its manifest's SHA-256 column matches the files, and it stays small.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../src/io';
import { AVATAR_DATASET_SEED, generateAvatarDataset, sha256Hex, writeAvatarDataset } from '../src/avatars';

const root = join(__dirname, '..', 'datasets', 'avatars');
const tmp = mkdtempSync(join(tmpdir(), 'avatars-regen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

describe('datasets/avatars', () => {
  it('regenerates into a temporary folder with identical bytes (images, manifests, README)', async () => {
    const summary = await writeAvatarDataset(tmp, { seed: AVATAR_DATASET_SEED, measure: false });
    const fresh = listFiles(tmp).map((f) => relative(tmp, f)).sort();
    const committed = listFiles(root).map((f) => relative(root, f)).filter((f) => f !== 'thresholds.json' && f !== 'dataset.json').sort();
    expect(fresh).toEqual(committed);
    const differing = fresh.filter((f) => sha256Hex(readFileSync(join(tmp, f))) !== sha256Hex(readFileSync(join(root, f))));
    expect(differing).toEqual([]);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(summary.combinedSha256);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(sha256Hex(readFileSync(join(root, 'manifest.csv'))));
  });

  it('another seed gives different pictures', async () => {
    const a = await generateAvatarDataset({ seed: 1, persons: 2, robustnessBases: 0 });
    const b = await generateAvatarDataset({ seed: 2, persons: 2, robustnessBases: 0 });
    expect(a.manifest[0]!.sha256).not.toBe(b.manifest[0]!.sha256);
  });

  it('the manifest lists every image with its true SHA-256, and the set is under 3 MB', async () => {
    const t = await readTable<{ file: string; sha256: string; platform: string; variant_kind: string }>(join(root, 'manifest.csv'), {
      name: 'm', columns: [{ name: 'file', type: 'string' }, { name: 'sha256', type: 'string' }, { name: 'platform', type: 'string' }, { name: 'variant_kind', type: 'string' }],
    });
    for (const r of t.rows) expect(sha256Hex(readFileSync(join(root, r.file)))).toBe(r.sha256);
    expect(new Set(t.rows.map((r) => r.variant_kind))).toEqual(new Set(['identical', 'reencoded', 'platform-specific', 'displayed']));
    expect(t.rows.length).toBeGreaterThan(200);
    const total = listFiles(root).reduce((n, f) => n + statSync(f).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it("'identical' platform files are byte-identical within a person", async () => {
    const ds = await generateAvatarDataset({ seed: AVATAR_DATASET_SEED, persons: 12, robustnessBases: 0 });
    const byPerson = new Map<string, string[]>();
    for (const r of ds.manifest.filter((x) => x.variant_kind === 'identical')) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r.sha256]);
    expect(byPerson.size).toBeGreaterThan(0);
    for (const shas of byPerson.values()) expect(new Set(shas).size).toBe(1);
  });
});
