/**
 * A tiny raster painter for synthetic avatars: shapes in unit coordinates ([0,1] x [0,1], y
 * down) painted in order onto an RGB buffer, rendered at 2x and area-averaged down (an
 * anti-aliased result without any image library). Pure and deterministic: the same scene and
 * size give the same bytes on every machine (integer rounding of exactly computed averages).
 */
import { type Rng, randomNormal, seededRandom } from '../stats/random';

export type Rgb = readonly [number, number, number];

export type Shape =
  | { kind: 'gradient'; from: Rgb; to: Rgb; angle: number }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; angle: number; color: Rgb }
  | { kind: 'rect'; x0: number; y0: number; x1: number; y1: number; color: Rgb }
  | { kind: 'polygon'; points: ReadonlyArray<readonly [number, number]>; color: Rgb }
  | { kind: 'stripes'; angle: number; period: number; duty: number; color: Rgb }
  | { kind: 'rings'; cx: number; cy: number; period: number; duty: number; color: Rgb }
  | { kind: 'checker'; cells: number; angle: number; color: Rgb };

/** A scene: shapes painted in order, plus optional seeded grain (amplitude in grey levels). */
export interface Scene { shapes: Shape[]; grain?: { amplitude: number; seed: number } }

const SS = 2;

/**
 * Render a scene to `size` x `size` RGB bytes.
 * @example
 * const px = renderScene({ shapes: [{ kind: 'rect', x0: 0, y0: 0, x1: 1, y1: 1, color: [255, 0, 0] }] }, 4);
 * Array.from(px.subarray(0, 3)); // [255, 0, 0]
 */
export function renderScene(scene: Scene, size: number): Uint8Array {
  const n = size * SS;
  const buf = new Float32Array(n * n * 3).fill(255);
  for (const shape of scene.shapes) paint(buf, n, shape);
  const out = new Uint8Array(size * size * 3);
  const norm = 1 / (SS * SS);
  let rng: Rng | null = null;
  let amp = 0;
  if (scene.grain && scene.grain.amplitude > 0) {
    amp = scene.grain.amplitude;
    rng = seededRandom(scene.grain.seed);
  }
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const noise = rng ? randomNormal(rng) * amp : 0;
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let dy = 0; dy < SS; dy++) {
          const row = ((y * SS + dy) * n + x * SS) * 3 + c;
          for (let dx = 0; dx < SS; dx++) s += buf[row + dx * 3]!;
        }
        const v = Math.round(s * norm + noise);
        out[(y * size + x) * 3 + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return out;
}

function set(buf: Float32Array, i: number, c: Rgb): void {
  buf[i] = c[0];
  buf[i + 1] = c[1];
  buf[i + 2] = c[2];
}

function paint(buf: Float32Array, n: number, s: Shape): void {
  const inv = 1 / n;
  switch (s.kind) {
    case 'gradient': {
      const ca = Math.cos(s.angle);
      const sa = Math.sin(s.angle);
      const lo = Math.min(0, ca) + Math.min(0, sa);
      const span = Math.abs(ca) + Math.abs(sa);
      for (let y = 0; y < n; y++) {
        const v = (y + 0.5) * inv;
        for (let x = 0; x < n; x++) {
          const u = (x + 0.5) * inv;
          const t = (u * ca + v * sa - lo) / span;
          const i = (y * n + x) * 3;
          buf[i] = s.from[0] + (s.to[0] - s.from[0]) * t;
          buf[i + 1] = s.from[1] + (s.to[1] - s.from[1]) * t;
          buf[i + 2] = s.from[2] + (s.to[2] - s.from[2]) * t;
        }
      }
      return;
    }
    case 'ellipse': {
      const r = Math.max(s.rx, s.ry);
      const x0 = Math.max(0, Math.floor((s.cx - r) * n));
      const x1 = Math.min(n - 1, Math.ceil((s.cx + r) * n));
      const y0 = Math.max(0, Math.floor((s.cy - r) * n));
      const y1 = Math.min(n - 1, Math.ceil((s.cy + r) * n));
      const ca = Math.cos(s.angle);
      const sa = Math.sin(s.angle);
      for (let y = y0; y <= y1; y++) {
        const dy = (y + 0.5) * inv - s.cy;
        for (let x = x0; x <= x1; x++) {
          const dx = (x + 0.5) * inv - s.cx;
          const p = (dx * ca + dy * sa) / s.rx;
          const q = (-dx * sa + dy * ca) / s.ry;
          if (p * p + q * q <= 1) set(buf, (y * n + x) * 3, s.color);
        }
      }
      return;
    }
    case 'rect': {
      const x0 = Math.max(0, Math.round(s.x0 * n));
      const x1 = Math.min(n, Math.round(s.x1 * n));
      const y0 = Math.max(0, Math.round(s.y0 * n));
      const y1 = Math.min(n, Math.round(s.y1 * n));
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(buf, (y * n + x) * 3, s.color);
      return;
    }
    case 'polygon': {
      // Scanline fill (even-odd rule): per row, the crossings of the row's centre line with the
      // edges, sorted; pixels whose centre lies between crossing pairs are inside.
      const pts = s.points;
      const m = pts.length;
      const xs = new Float64Array(m);
      let minY = 1, maxY = 0;
      for (let k = 0; k < m; k++) { minY = Math.min(minY, pts[k]![1]); maxY = Math.max(maxY, pts[k]![1]); }
      const y0 = Math.max(0, Math.floor(minY * n));
      const y1 = Math.min(n - 1, Math.ceil(maxY * n));
      for (let y = y0; y <= y1; y++) {
        const v = (y + 0.5) * inv;
        let c = 0;
        for (let a = 0, b = m - 1; a < m; b = a++) {
          const ya = pts[a]![1], yb = pts[b]![1];
          if ((ya > v) !== (yb > v)) {
            const xa = pts[a]![0], xb = pts[b]![0];
            xs[c++] = ((xb - xa) * (v - ya)) / (yb - ya) + xa;
          }
        }
        const cross = Array.from(xs.subarray(0, c)).sort((p, q) => p - q);
        for (let k = 0; k + 1 < cross.length; k += 2) {
          // pixel centres u = (x + 0.5) / n with cross[k] < u < cross[k+1] (strictly inside, as the even-odd test)
          const from = Math.max(0, Math.floor(cross[k]! * n - 0.5) + 1);
          const to = Math.min(n - 1, Math.ceil(cross[k + 1]! * n - 0.5) - 1);
          for (let x = from; x <= to; x++) set(buf, (y * n + x) * 3, s.color);
        }
      }
      return;
    }
    case 'stripes': {
      const ca = Math.cos(s.angle);
      const sa = Math.sin(s.angle);
      for (let y = 0; y < n; y++) {
        const v = (y + 0.5) * inv;
        for (let x = 0; x < n; x++) {
          const t = ((x + 0.5) * inv * ca + v * sa) / s.period;
          if (t - Math.floor(t) < s.duty) set(buf, (y * n + x) * 3, s.color);
        }
      }
      return;
    }
    case 'rings': {
      for (let y = 0; y < n; y++) {
        const dy = (y + 0.5) * inv - s.cy;
        for (let x = 0; x < n; x++) {
          const dx = (x + 0.5) * inv - s.cx;
          const t = Math.sqrt(dx * dx + dy * dy) / s.period;
          if (t - Math.floor(t) < s.duty) set(buf, (y * n + x) * 3, s.color);
        }
      }
      return;
    }
    case 'checker': {
      const ca = Math.cos(s.angle);
      const sa = Math.sin(s.angle);
      for (let y = 0; y < n; y++) {
        const v = (y + 0.5) * inv - 0.5;
        for (let x = 0; x < n; x++) {
          const u = (x + 0.5) * inv - 0.5;
          const a = Math.floor((u * ca + v * sa) * s.cells);
          const b = Math.floor((-u * sa + v * ca) * s.cells);
          if (((a + b) & 1) === 0) set(buf, (y * n + x) * 3, s.color);
        }
      }
      return;
    }
  }
}
