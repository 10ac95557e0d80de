/**
 * avatars-hash-10k: decode and hash (aHash, dHash, pHash) 10,000 avatar files of 160 x 160 px
 * from disk, half PNG and half JPEG (quality 85), with every evidence check on. Target < 20 s.
 * Setup (not timed): 400 synthetic pictures (src/avatars scenes, seed 7), each varied 25 ways
 * by a seeded brightness/colour offset so all 10,000 files differ, encoded by sharp into a
 * temporary folder (removed at exit).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { benchmark } from '../lib';
import { hashAvatars, randomAvatarScene, renderScene } from '../../src/avatars';
import { deriveSeed, randomInt, seededRandom } from '../../src/stats/random';

const N = 10_000;
const PICTURES = 400;
const SIZE = 160;
const SEED = 7;

void benchmark({
  name: 'avatars-hash-10k',
  issue: 'avatars',
  params: { images: N, size: SIZE, formats: 'png 50% / jpeg q85 50%', distinctPictures: PICTURES, seed: SEED, concurrency: 4 },
  target: { seconds: 20 },
  setup: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-avatars-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const rng = seededRandom(deriveSeed(SEED, 'bench/variants'));
    const files: string[] = [];
    let bytes = 0;
    for (let p = 0; p < PICTURES; p++) {
      const px = renderScene(randomAvatarScene(seededRandom(deriveSeed(SEED, `bench/${p}`))), SIZE);
      for (let v = 0; v < N / PICTURES; v++) {
        const k = files.length;
        const off = [randomInt(rng, 21) - 10, randomInt(rng, 21) - 10, randomInt(rng, 21) - 10];
        const varied = Buffer.alloc(px.length);
        for (let i = 0; i < px.length; i++) varied[i] = Math.max(0, Math.min(255, px[i]! + off[i % 3]!));
        const img = sharp(varied, { raw: { width: SIZE, height: SIZE, channels: 3 } });
        const out = k % 2 === 0 ? await img.png().toBuffer() : await img.jpeg({ quality: 85 }).toBuffer();
        const file = join(dir, `a${String(k).padStart(5, '0')}.${k % 2 === 0 ? 'png' : 'jpg'}`);
        writeFileSync(file, out);
        bytes += out.length;
        files.push(file);
      }
    }
    return { files, bytes };
  },
  run: async ({ files, bytes }) => {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const hashed = await hashAvatars(files, { concurrency: 4 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    // CPU seconds of this process (JavaScript + libvips threads): the wall time on an otherwise
    // idle machine is at most this, whatever else is running when the benchmark is taken.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const distinct = new Set(hashed.map((h) => h.pHash)).size;
    return {
      throughput: files.length / seconds,
      throughputUnit: 'images/s',
      extra: { cpuSeconds, loadAverage1m: loadavg()[0], totalInputBytes: bytes, distinctPHashes: distinct, msPerImage: (1000 * seconds) / files.length },
    };
  },
});
