/** Loading an avatar evidence set from a manifest: integrity checks and manifest errors. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io';
import { loadAvatarEvidence } from '../src/avatars';

const images = join(__dirname, '..', 'datasets', 'avatars', 'images');
const tmp = mkdtempSync(join(tmpdir(), 'avatars-evidence-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
for (const f of ['p001-weibo.jpg', 'p001-displayed.jpg', 'p002-weibo.jpg', 'p002-displayed.jpg']) copyFileSync(join(images, f), join(tmp, f));

function manifest(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('loadAvatarEvidence', () => {
  it('hashes every listed image and groups people', async () => {
    const m = manifest('ok.csv', 'person_id,platform,file\np001,weibo,p001-weibo.jpg\np001,displayed,p001-displayed.jpg\np002,displayed,p002-displayed.jpg\np002,weibo,p002-weibo.jpg\n');
    const set = await loadAvatarEvidence(m);
    expect(set.people.map((p) => [p.person, p.candidates.map((c) => c.platform)])).toEqual([['p001', ['weibo']], ['p002', ['weibo']]]);
    expect(set.images).toHaveLength(4);
    expect(set.images[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(set.images[0]!.pHash).toMatch(/^[0-9a-f]{16}$/);
    expect(set.manifest.rows).toBe(4);
  });

  it('refuses a file whose SHA-256 differs from the manifest, naming line and column', async () => {
    const m = manifest('sha.csv', `person_id,platform,file,sha256\np001,weibo,p001-weibo.jpg,${'0'.repeat(64)}\np001,displayed,p001-displayed.jpg,\n`);
    const err = await loadAvatarEvidence(m).catch((e) => e);
    expect(err).toBeInstanceOf(EvidenceError);
    expect(err.message).toMatch(/line 2, column 'sha256'/);
    expect(err.message).toMatch(/not the one the manifest describes/);
  });

  it('refuses duplicate platform rows and people without a displayed avatar, listing all', async () => {
    const m = manifest('dup.csv', 'person_id,platform,file\np001,weibo,p001-weibo.jpg\np001,weibo,p001-weibo.jpg\np002,weibo,p002-weibo.jpg\n');
    const err = await loadAvatarEvidence(m).catch((e) => e);
    expect(err).toBeInstanceOf(EvidenceError);
    expect(err.issues).toHaveLength(3);
    expect(err.message).toMatch(/line 3, column 'platform'.*already has a 'weibo' avatar on line 2/);
    expect(err.message).toMatch(/person p002 has no 'displayed' avatar row/);
  });

  it('a listed image that is missing or bad stops the load', async () => {
    const m = manifest('missing.csv', 'person_id,platform,file\np001,weibo,nope.jpg\np001,displayed,p001-displayed.jpg\n');
    await expect(loadAvatarEvidence(m)).rejects.toThrow(/line 2, column 'file', value "nope.jpg": cannot read the image/);
    writeFileSync(join(tmp, 'empty.jpg'), '');
    const m2 = manifest('empty.csv', 'person_id,platform,file\np001,weibo,empty.jpg\np001,displayed,p001-displayed.jpg\n');
    await expect(loadAvatarEvidence(m2)).rejects.toThrow(/empty\.jpg: the image file is empty/);
  });
});
