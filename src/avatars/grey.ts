/**
 * Grey-level conversion used by every hash: ITU-R BT.601 luma,
 * Y' = 0.299 R' + 0.587 G' + 0.114 B', on the gamma-encoded 8-bit sRGB values (no
 * linearisation), as in the pHash library (Zauner 2010, which hashes the Y channel of YCbCr)
 * and in JPEG/JFIF's YCbCr. Result in [0, 255], as 32-bit floats.
 *
 * Reference: ITU-R Recommendation BT.601-7 (2011), section 2.5.1.
 *
 * @example
 * lumaBT601(new Uint8Array([255, 0, 0, 0, 255, 0]), 2, 1); // Float32Array [76.245, 149.685]
 */
export function lumaBT601(rgb: Uint8Array, width: number, height: number): Float32Array {
  const n = width * height;
  if (rgb.length < n * 3) throw new RangeError(`expected ${n * 3} RGB bytes for ${width} x ${height}, got ${rgb.length}`);
  const y = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    y[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  }
  return y;
}

/**
 * Area-average (box) resampling of a grey image to `tw` x `th`: each output pixel is the
 * mean of the source area it covers, fractional edge pixels weighted by their covered share.
 * It is the exact integral of the piecewise-constant source over the output cell, so it never
 * aliases when shrinking (the only direction the hashes need) and does not depend on a
 * library's resampling kernel.
 *
 * @example
 * areaResize(new Float32Array([0, 2, 4, 6]), 4, 1, 2, 1); // Float64Array [1, 5]
 */
export function areaResize(src: ArrayLike<number>, w: number, h: number, tw: number, th: number): Float64Array {
  if (!(w > 0 && h > 0 && tw > 0 && th > 0)) throw new RangeError(`bad sizes ${w}x${h} -> ${tw}x${th}`);
  if (src.length < w * h) throw new RangeError(`expected ${w * h} values for ${w} x ${h}, got ${src.length}`);
  const xs = axisWeights(w, tw);
  const ys = axisWeights(h, th);
  // Horizontal pass: h rows x tw columns.
  const tmp = new Float64Array(h * tw);
  const xStart = xs.start, xLen = xs.length, xOff = xs.offset, xW = xs.weights;
  for (let r = 0; r < h; r++) {
    const row = r * w;
    for (let c = 0; c < tw; c++) {
      const base = row + xStart[c]!;
      const o = xOff[c]!;
      const n = xLen[c]!;
      let s = 0;
      for (let k = 0; k < n; k++) s += xW[o + k]! * src[base + k]!;
      tmp[r * tw + c] = s;
    }
  }
  // Vertical pass.
  const out = new Float64Array(th * tw);
  const yStart = ys.start, yLen = ys.length, yOff = ys.offset, yW = ys.weights;
  for (let r = 0; r < th; r++) {
    const o = yOff[r]!;
    const n = yLen[r]!;
    const first = yStart[r]! * tw;
    for (let k = 0; k < n; k++) {
      const wk = yW[o + k]!;
      const srcRow = first + k * tw;
      const dst = r * tw;
      for (let c = 0; c < tw; c++) out[dst + c] += wk * tmp[srcRow + c]!;
    }
  }
  return out;
}

/** For each of the output cells along one axis: first source index, count, and weights (flattened). */
interface AxisWeights { start: Int32Array; length: Int32Array; offset: Int32Array; weights: Float64Array }

const weightCache = new Map<string, AxisWeights>();

/** For each of `m` output cells, the source indices it covers and their normalised weights. */
function axisWeights(n: number, m: number): AxisWeights {
  const key = `${n}:${m}`;
  const hit = weightCache.get(key);
  if (hit) return hit;
  const start = new Int32Array(m);
  const length = new Int32Array(m);
  const offset = new Int32Array(m);
  const all: number[] = [];
  const scale = n / m;
  for (let c = 0; c < m; c++) {
    const a = c * scale;
    const b = (c + 1) * scale;
    const s = Math.floor(a);
    const e = Math.min(n, Math.ceil(b));
    start[c] = s;
    length[c] = e - s;
    offset[c] = all.length;
    for (let i = s; i < e; i++) all.push((Math.min(b, i + 1) - Math.max(a, i)) / scale);
  }
  const wts: AxisWeights = { start, length, offset, weights: Float64Array.from(all) };
  if (weightCache.size > 256) weightCache.clear();
  weightCache.set(key, wts);
  return wts;
}
