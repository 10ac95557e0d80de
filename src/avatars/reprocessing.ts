/**
 * "The same picture" is not "the same served file": a measurement of how far apart two pHashes of
 * one picture land when two platforms process it INDEPENDENTLY (a person uploading their own photo
 * to each), against the distance a COPY of one platform's served file keeps after one re-encode.
 *
 * Each synthetic picture (`randomAvatarScene`, drawn at `MASTER_SIZE`, the avatars data set's
 * upload size) is put through the crop table's platform pipelines (`platformPipeline`: a crop of a
 * share drawn from `CROP_LEVELS`, 0-20%, at a corner, the centre or an offset; a resize to
 * 100-180 px; JPEG quality 60-95):
 * - `independent`: two pipelines drawn independently (each platform crops, resizes and re-encodes
 *   the upload its own way): the distance between the two files' pHashes;
 * - `uncropped`: the same with no crop on either platform (the person uploads a square picture
 *   that both platforms take whole): the defence's most favourable case;
 * - `copy`: one platform's file, re-encoded once by a copier (resized to 96-180 px, JPEG
 *   quality 60-95, no crop): the distance to the served file's pHash.
 * The pictures are split at random (seeded) into a `model` half, whose distances give the stated
 * level probabilities, and a `check` half, whose distances the simulation study draws from (so
 * the simulation is not checked on the pairs the model was read from).
 *
 * Same seed and sharp build, same distances (`REPROCESSING_MEASURED` is the committed result,
 * written by scripts/datasets/avatars-reprocessing.ts; test/avatars-reprocessing.test.ts
 * re-measures it). SYNTHETIC pictures: a real reference set of one person's uploads on two
 * platforms would replace it.
 *
 * @example
 * const m = await measureReprocessing({ seed: 2014, pictures: 8, pairsPerPicture: 1 });
 * avatarLevelShares(m.distances.independent.model, 4, 6); // { identical, 'near-identical', 'same picture', different }
 */
import sharp from 'sharp';
import { hammingDistanceHex } from '../compare/hamming';
import { deriveSeed, randomInt, seededRandom } from '../stats/random';
import { renderScene } from './draw';
import { MASTER_SIZE } from './generate';
import { hashAvatar } from './hash';
import { CROP_LEVELS, platformPipeline } from './pipelines';
import { randomAvatarScene } from './scenes';
import { REPROCESSING_CONDITIONS, REPROCESSING_DESCRIPTIONS, type ReprocessingMeasurement, type ReprocessingOptions } from './reprocessingLevels';

const pHashOf = async (bytes: Buffer, file: string): Promise<string> => (await hashAvatar({ file, bytes })).pHash;

/** Measure the three conditions (see the module comment). Deterministic in the seed. */
export async function measureReprocessing(o: ReprocessingOptions): Promise<ReprocessingMeasurement> {
  if (!(Number.isInteger(o.pictures) && o.pictures >= 2)) throw new RangeError(`pictures must be an integer >= 2, got ${o.pictures}`);
  if (!(Number.isInteger(o.pairsPerPicture) && o.pairsPerPicture >= 1)) throw new RangeError(`pairsPerPicture must be a positive integer, got ${o.pairsPerPicture}`);
  const order = Array.from({ length: o.pictures }, (_, i) => i);
  const split = seededRandom(deriveSeed(o.seed, 'reprocessing/split'));
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(split, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const inModel = new Set(order.slice(0, Math.floor(o.pictures / 2)));
  const distances = Object.fromEntries(REPROCESSING_CONDITIONS.map((c) => [c, { model: [] as number[], check: [] as number[] }])) as ReprocessingMeasurement['distances'];
  for (let i = 0; i < o.pictures; i++) {
    const px = renderScene(randomAvatarScene(seededRandom(deriveSeed(o.seed, `reprocessing/picture/${i}`))), MASTER_SIZE);
    const upload = await sharp(Buffer.from(px.buffer, px.byteOffset, px.length), { raw: { width: MASTER_SIZE, height: MASTER_SIZE, channels: 3 } }).png().toBuffer();
    const rng = seededRandom(deriveSeed(o.seed, `reprocessing/pipelines/${i}`));
    const half = inModel.has(i) ? 'model' : 'check';
    const crop = () => CROP_LEVELS[randomInt(rng, CROP_LEVELS.length)]!;
    for (let k = 0; k < o.pairsPerPicture; k++) {
      const a = platformPipeline(crop(), rng), b = platformPipeline(crop(), rng);
      const fileA = await a.apply(upload);
      const hashA = await pHashOf(fileA, `picture ${i} [${a.name}]`);
      distances.independent[half].push(hammingDistanceHex(hashA, await pHashOf(await b.apply(upload), `picture ${i} [${b.name}]`)));
      const u = platformPipeline(0, rng), v = platformPipeline(0, rng);
      distances.uncropped[half].push(hammingDistanceHex(await pHashOf(await u.apply(upload), `picture ${i} [${u.name}]`), await pHashOf(await v.apply(upload), `picture ${i} [${v.name}]`)));
      const size = 96 + randomInt(rng, 85), quality = 60 + randomInt(rng, 36);
      const copy = await sharp(fileA).resize(size, size, { fit: 'fill' }).jpeg({ quality }).toBuffer();
      distances.copy[half].push(hammingDistanceHex(hashA, await pHashOf(copy, `picture ${i} [copy ${size}px q${quality}]`)));
    }
  }
  return { ...o, masterSize: MASTER_SIZE, cropLevels: [...CROP_LEVELS], conditions: { ...REPROCESSING_DESCRIPTIONS }, distances };
}

