/**
 * Synthetic profile cards: the screen a profile app shows for one person (phone status bar,
 * header, avatar, name, labelled rows for employer, title, school and tags), written as HTML
 * and rendered to an image by headless Chromium (Debian's chromium through playwright-core,
 * the CJK glyphs from Debian's fonts-noto-cjk), then degraded the way notarised evidence is:
 * several device resolutions, a slight rotation (a photographed or re-scanned print), JPEG
 * re-compression, and a notary's red stamp overlapping the text.
 *
 * SYNTHETIC: every card shows a row of the committed synthetic set datasets/matching/displayed.csv.
 * Every random choice comes from an `Rng` (src/stats/random.ts); with the same Chromium, fonts
 * and sharp the same seed gives the same bytes (checked by test/screenshots-dataset.test.ts).
 */
import sharp from 'sharp';
import { deriveSeed, randomInt, seededRandom, type Rng } from '../stats/random';
import { withChromium } from '../plot/browser';

/** The fields a card shows (a displayed profile as the app shows it). */
export interface CardProfile {
  id: string;
  name: string;
  employer: string;
  title: string;
  school: string;
  /** Tags in display order. */
  tags: string[];
  /** 16 hex digits; sets the avatar's colours. */
  avatarHash: string;
}

/** How one card image was made (recorded in the ground truth). */
export interface CardVariant {
  /** Device pixel ratio: the screen is 360 x 780 CSS px, so 3 = 1080 x 2340. */
  scale: number;
  /** Rotation in degrees (positive = clockwise), applied after rendering. */
  rotation: number;
  /** JPEG quality, or 0 for PNG. */
  jpegQuality: number;
  /** Stamp centre in CSS px and its radius. */
  stamp: { x: number; y: number; r: number };
  /** Status-bar clock and battery, for realism (not fields). */
  clock: string;
  battery: number;
}

/** The CSS size of the card screen; layout templates use these units. */
export const CARD_SCREEN = { width: 360, height: 780 } as const;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A seeded variant for one card: scale from `scales`, rotation within +-maxRotation degrees. */
export function randomCardVariant(rng: Rng, scales: readonly number[], maxRotation = 1.5, jpegQualities: readonly number[] = [70, 80, 90]): CardVariant {
  const scale = scales[randomInt(rng, scales.length)]!;
  const rotation = Math.round((rng() * 2 - 1) * maxRotation * 100) / 100;
  const jpegQuality = jpegQualities[randomInt(rng, jpegQualities.length)]!;
  // The stamp sits over the rows block (employer .. tags), partly over the text.
  const stamp = { x: 200 + randomInt(rng, 120), y: 210 + randomInt(rng, 150), r: 46 + randomInt(rng, 10) };
  const clock = `${9 + randomInt(rng, 12)}:${String(randomInt(rng, 60)).padStart(2, '0')}`;
  return { scale, rotation, jpegQuality, stamp, clock, battery: 20 + randomInt(rng, 80) };
}

/** The card's HTML (self-contained; fonts from the system: Noto Sans CJK SC). */
export function cardHtml(p: CardProfile, v: CardVariant): string {
  const h = p.avatarHash.padEnd(16, '0');
  const c1 = `#${h.slice(0, 6)}`;
  const c2 = `#${h.slice(6, 12)}`;
  const row = (label: string, value: string, cls = '') =>
    `<div class="row ${cls}"><span class="lab">${label}</span><span class="val">${esc(value)}</span></div>`;
  const { x, y, r } = v.stamp;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
*{margin:0;padding:0;box-sizing:border-box}
html,body{width:${CARD_SCREEN.width}px;height:${CARD_SCREEN.height}px;background:#fff;overflow:hidden;
 font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;color:#1a1a1a}
.status{height:24px;display:flex;justify-content:space-between;align-items:center;padding:0 14px;font-size:12px;font-weight:600;background:#f7f7f7}
.nav{height:44px;display:flex;align-items:center;justify-content:center;font-size:16px;border-bottom:1px solid #e5e5e5;background:#f7f7f7;position:relative}
.nav .back{position:absolute;left:14px;font-size:20px;color:#555}.nav .more{position:absolute;right:14px;color:#555}
.head{display:flex;align-items:center;padding:18px 16px 14px}
.avatar{width:72px;height:72px;border-radius:50%;background:linear-gradient(135deg,${c1},${c2});flex:none}
.name{margin-left:16px;font-size:24px;font-weight:700;letter-spacing:1px}
.rows{padding:4px 16px}
.row{display:flex;align-items:flex-start;min-height:40px;padding:8px 0;border-bottom:1px solid #eee;font-size:17px;line-height:24px}
.lab{width:52px;flex:none;color:#888}.val{flex:1}
.tags .val{font-size:16px;line-height:26px}
.mutual{padding:14px 16px;font-size:14px;color:#888}
.buttons{display:flex;gap:12px;padding:8px 16px}.buttons div{flex:1;text-align:center;border:1px solid #2a7be4;color:#2a7be4;border-radius:18px;padding:6px 0;font-size:15px}
.stamp{position:absolute;left:${x - r}px;top:${y - r}px;width:${2 * r}px;height:${2 * r}px;border:3px solid rgba(214,30,40,.75);border-radius:50%;
 color:rgba(214,30,40,.75);font-size:11px;display:flex;align-items:center;justify-content:center;flex-direction:column;transform:rotate(-18deg)}
.stamp b{font-size:22px;line-height:22px}
</style></head><body>
<div class="status"><span>${esc(v.clock)}</span><span>▂▄▆ 4G ${v.battery}%</span></div>
<div class="nav"><span class="back">‹</span>个人主页<span class="more">···</span></div>
<div class="head"><div class="avatar"></div><div class="name">${esc(p.name)}</div></div>
<div class="rows">
${row('公司', p.employer)}
${row('职位', p.title)}
${row('学校', p.school)}
${row('标签', p.tags.join('、'), 'tags')}
</div>
<div class="mutual">共同好友 · 通讯录好友</div>
<div class="buttons"><div>加好友</div><div>发消息</div></div>
<div class="stamp"><span>公证处</span><b>★</b><span>证据保全</span></div>
</body></html>`;
}

/** Render card HTML to PNG (one browser session for many cards). */
export async function renderCardsPng(items: Array<{ html: string; scale: number }>): Promise<Buffer[]> {
  return withChromium(async (browser) => {
    const out: Buffer[] = [];
    const byScale = new Map<number, import('playwright-core').BrowserContext>();
    try {
      for (const { html, scale } of items) {
        let ctx = byScale.get(scale);
        if (!ctx) {
          ctx = await browser.newContext({ viewport: { width: CARD_SCREEN.width, height: CARD_SCREEN.height }, deviceScaleFactor: scale });
          byScale.set(scale, ctx);
        }
        const page = await ctx.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(async () => {
          await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready;
        });
        out.push(await page.screenshot({ type: 'png', fullPage: false }));
        await page.close();
      }
    } finally {
      for (const c of byScale.values()) await c.close();
    }
    return out;
  });
}

/** Rotate (white background) and encode as the variant says. Deterministic for one sharp version. */
export async function degradeCard(png: Buffer, v: CardVariant): Promise<Buffer> {
  let img = sharp(png).flatten({ background: '#ffffff' });
  if (v.rotation !== 0) img = img.rotate(v.rotation, { background: '#ffffff' });
  return v.jpegQuality > 0 ? img.jpeg({ quality: v.jpegQuality, mozjpeg: false }).toBuffer() : img.png({ compressionLevel: 9 }).toBuffer();
}

/** Split a displayed.csv tags cell ("a、b、c") into tags. */
export function splitTags(cell: string): string[] {
  return cell.split(/[、,，;；]/).map((t) => t.trim()).filter(Boolean);
}

export { deriveSeed, seededRandom };
