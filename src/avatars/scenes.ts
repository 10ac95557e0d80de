/**
 * Seeded synthetic avatar scenes: cartoon faces (no real person: head, hair, eyes, mouth and
 * shoulders drawn from geometric primitives with random proportions and colours), landscapes,
 * and geometric patterns (stripes, rings, checkers, blobs, initial-letter tiles), the kinds of
 * picture people use as avatars. Every random choice comes from the `Rng` passed in.
 */
import { type Rng, randomInt } from '../stats/random';
import type { Rgb, Scene, Shape } from './draw';

export type AvatarStyle = 'face' | 'landscape' | 'stripes' | 'rings' | 'checker' | 'blobs' | 'initial';
export const AVATAR_STYLES: readonly AvatarStyle[] = ['face', 'landscape', 'stripes', 'rings', 'checker', 'blobs', 'initial'];
/** Share of each style (faces dominate, as on social platforms). */
const STYLE_WEIGHTS = [0.45, 0.15, 0.08, 0.08, 0.06, 0.1, 0.08];

const SKIN: Rgb[] = [[255, 224, 196], [241, 194, 160], [224, 172, 128], [198, 134, 90], [161, 102, 64], [120, 76, 48]];
const HAIR: Rgb[] = [[20, 16, 14], [52, 36, 26], [92, 60, 36], [150, 110, 60], [200, 170, 110], [120, 120, 120], [170, 40, 40], [40, 40, 90]];

function u(rng: Rng, a: number, b: number): number {
  return a + (b - a) * rng();
}
function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[randomInt(rng, xs.length)]!;
}
/** A colour from hue/saturation/value, each random within bounds. */
function hsv(rng: Rng, sMin = 0.2, sMax = 0.9, vMin = 0.25, vMax = 1): Rgb {
  const h = rng() * 6;
  const s = u(rng, sMin, sMax);
  const v = u(rng, vMin, vMax);
  const i = Math.floor(h);
  const f = h - i;
  const p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
  const rgb = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][i % 6]!;
  return [Math.round(rgb[0]! * 255), Math.round(rgb[1]! * 255), Math.round(rgb[2]! * 255)];
}
function background(rng: Rng): Shape {
  return { kind: 'gradient', from: hsv(rng, 0.1, 0.7, 0.4, 1), to: hsv(rng, 0.1, 0.7, 0.3, 1), angle: u(rng, 0, 2 * Math.PI) };
}

/** Draw a style according to the style weights. */
export function randomStyle(rng: Rng): AvatarStyle {
  let r = rng();
  for (let i = 0; i < AVATAR_STYLES.length; i++) {
    r -= STYLE_WEIGHTS[i]!;
    if (r < 0) return AVATAR_STYLES[i]!;
  }
  return 'face';
}

/**
 * A random scene of the given (or a random) style.
 * @example
 * const scene = randomAvatarScene(seededRandom(1));
 * renderScene(scene, 96); // 96 x 96 RGB bytes, the same for seed 1 on every machine
 */
export function randomAvatarScene(rng: Rng, style: AvatarStyle = randomStyle(rng)): Scene {
  const shapes: Shape[] = [];
  switch (style) {
    case 'face': {
      shapes.push(background(rng));
      const cx = u(rng, 0.4, 0.6);
      const cy = u(rng, 0.38, 0.5);
      const rx = u(rng, 0.17, 0.27);
      const ry = rx * u(rng, 1.1, 1.35);
      const skin = pick(rng, SKIN);
      const hair = pick(rng, HAIR);
      const shirt = hsv(rng);
      const tilt = u(rng, -0.25, 0.25);
      shapes.push({ kind: 'ellipse', cx: cx + u(rng, -0.05, 0.05), cy: cy + ry + u(rng, 0.25, 0.4), rx: u(rng, 0.35, 0.5), ry: u(rng, 0.25, 0.35), angle: 0, color: shirt });
      shapes.push({ kind: 'rect', x0: cx - rx * 0.35, y0: cy + ry * 0.6, x1: cx + rx * 0.35, y1: cy + ry * 1.35, color: skin });
      const hairStyle = randomInt(rng, 3);
      if (hairStyle === 0) shapes.push({ kind: 'ellipse', cx, cy: cy + ry * 0.2, rx: rx * 1.25, ry: ry * 1.25, angle: tilt, color: hair }); // long hair
      shapes.push({ kind: 'ellipse', cx, cy, rx, ry, angle: tilt, color: skin });
      if (hairStyle !== 2) shapes.push({ kind: 'ellipse', cx, cy: cy - ry * 0.75, rx: rx * 1.02, ry: ry * 0.45, angle: tilt, color: hair }); // fringe
      const eyeY = cy - ry * u(rng, 0.05, 0.2);
      const eyeDx = rx * u(rng, 0.35, 0.5);
      const eyeR = rx * u(rng, 0.08, 0.16);
      const eye: Rgb = pick(rng, [[30, 30, 30], [60, 40, 20], [40, 60, 90]] as Rgb[]);
      for (const side of [-1, 1]) {
        shapes.push({ kind: 'ellipse', cx: cx + side * eyeDx, cy: eyeY, rx: eyeR * 1.6, ry: eyeR, angle: 0, color: [250, 250, 250] });
        shapes.push({ kind: 'ellipse', cx: cx + side * eyeDx, cy: eyeY, rx: eyeR * 0.8, ry: eyeR * 0.8, angle: 0, color: eye });
      }
      if (rng() < 0.6) {
        // eyebrows
        for (const side of [-1, 1]) {
          const ex = cx + side * eyeDx;
          shapes.push({ kind: 'rect', x0: ex - eyeR * 1.8, y0: eyeY - eyeR * 2.4, x1: ex + eyeR * 1.8, y1: eyeY - eyeR * 1.7, color: hair });
        }
      }
      const mouthY = cy + ry * u(rng, 0.45, 0.6);
      shapes.push({ kind: 'ellipse', cx, cy: mouthY, rx: rx * u(rng, 0.2, 0.4), ry: ry * u(rng, 0.04, 0.1), angle: 0, color: [180 + randomInt(rng, 60), 60, 70] });
      break;
    }
    case 'landscape': {
      const sky: Shape = { kind: 'gradient', from: hsv(rng, 0.3, 0.7, 0.7, 1), to: hsv(rng, 0.1, 0.5, 0.8, 1), angle: Math.PI / 2 };
      shapes.push(sky);
      shapes.push({ kind: 'ellipse', cx: u(rng, 0.15, 0.85), cy: u(rng, 0.1, 0.4), rx: 0.08 + rng() * 0.08, ry: 0.08 + rng() * 0.08, angle: 0, color: [255, 220 + randomInt(rng, 35), 120] });
      const layers = 2 + randomInt(rng, 2);
      for (let k = 0; k < layers; k++) {
        const base = u(rng, 0.45, 0.75) + k * 0.08;
        const pts: Array<[number, number]> = [[0, 1], [0, base + u(rng, -0.1, 0.1)]];
        const peaks = 2 + randomInt(rng, 3);
        for (let p = 1; p <= peaks; p++) pts.push([p / (peaks + 1), base - u(rng, 0, 0.25)]);
        pts.push([1, base + u(rng, -0.1, 0.1)], [1, 1]);
        shapes.push({ kind: 'polygon', points: pts, color: hsv(rng, 0.3, 0.8, 0.2 + 0.15 * k, 0.5 + 0.1 * k) });
      }
      break;
    }
    case 'stripes': {
      shapes.push(background(rng));
      shapes.push({ kind: 'stripes', angle: u(rng, 0, Math.PI), period: u(rng, 0.12, 0.4), duty: u(rng, 0.3, 0.6), color: hsv(rng) });
      if (rng() < 0.5) shapes.push({ kind: 'ellipse', cx: u(rng, 0.3, 0.7), cy: u(rng, 0.3, 0.7), rx: u(rng, 0.15, 0.3), ry: u(rng, 0.15, 0.3), angle: 0, color: hsv(rng) });
      break;
    }
    case 'rings': {
      shapes.push(background(rng));
      shapes.push({ kind: 'rings', cx: u(rng, 0.2, 0.8), cy: u(rng, 0.2, 0.8), period: u(rng, 0.1, 0.3), duty: u(rng, 0.3, 0.6), color: hsv(rng) });
      break;
    }
    case 'checker': {
      shapes.push(background(rng));
      shapes.push({ kind: 'checker', cells: 2 + randomInt(rng, 5), angle: u(rng, 0, Math.PI / 2), color: hsv(rng) });
      break;
    }
    case 'blobs': {
      shapes.push(background(rng));
      const k = 3 + randomInt(rng, 6);
      for (let i = 0; i < k; i++) {
        const r = u(rng, 0.06, 0.3);
        shapes.push({ kind: 'ellipse', cx: rng(), cy: rng(), rx: r, ry: r * u(rng, 0.5, 1.5), angle: u(rng, 0, Math.PI), color: hsv(rng) });
      }
      break;
    }
    case 'initial': {
      const bg = hsv(rng, 0.4, 0.8, 0.4, 0.85);
      shapes.push({ kind: 'rect', x0: 0, y0: 0, x1: 1, y1: 1, color: bg });
      const fg: Rgb = [255, 255, 255];
      // A blocky glyph: 5 x 5 cells, random but left-right varied (like a generated identicon letter).
      const cell = u(rng, 0.1, 0.14);
      const ox = 0.5 - 2.5 * cell + u(rng, -0.08, 0.08);
      const oy = 0.5 - 2.5 * cell + u(rng, -0.08, 0.08);
      for (let r = 0; r < 5; r++) {
        for (let c = 0; c < 5; c++) {
          if (rng() < 0.5) shapes.push({ kind: 'rect', x0: ox + c * cell, y0: oy + r * cell, x1: ox + (c + 1) * cell, y1: oy + (r + 1) * cell, color: fg });
        }
      }
      break;
    }
  }
  const grain = rng() < 0.5 ? { amplitude: u(rng, 1, 4), seed: randomInt(rng, 2 ** 31) } : undefined;
  return grain ? { shapes, grain } : { shapes };
}
