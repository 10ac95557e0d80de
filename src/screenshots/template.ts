/**
 * Layout templates: where an app screen shows each field, declared as data (YAML), so the
 * report can print exactly which part of the screenshot became which cell.
 *
 * Coordinates are in the screen's own units (`screen.width` x `screen.height`, e.g. the CSS
 * pixels of a 360 x 780 phone screen); an image of any resolution is mapped onto them. A field
 * is a box (positions) plus optional anchors: `label`, text the app prints before the value
 * (stripped when the OCR line starts with it), and `until`, text of a line that ends the field
 * (for values of variable height, e.g. wrapped tags).
 *
 * @example
 * const t = parseLayoutTemplate(readFileSync('datasets/screenshots/maimai-card.yaml', 'utf8'), 'maimai-card.yaml');
 * t.fields.map((f) => f.name); // ['name', 'employer', 'title', 'school', 'tags']
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { EvidenceError } from '../io/errors';

/** The profile fields a card can carry (the columns of notebook 01's displayed table). */
export const CARD_FIELDS = ['name', 'employer', 'title', 'school', 'tags'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** [x0, y0, x1, y1] in screen units. */
export type ScreenBox = [number, number, number, number];

export interface TemplateField {
  name: CardField;
  box: ScreenBox;
  label?: string;
  until?: string;
  /** Several lines are joined with this (default '' : a wrapped line continues the text). */
  joiner: string;
}

export interface InkFilter {
  /** Channel read as ink: 'green' drops a red stamp (red ink is bright in green), 'luma' keeps colour ink. */
  channel: 'red' | 'green' | 'blue' | 'luma';
  /** Levels: values at or below `black` become black, at or above `white` become white. */
  black: number;
  white: number;
}

export interface LayoutTemplate {
  name: string;
  description: string;
  screen: { width: number; height: number };
  /** The part of the screen given to the OCR engine, and its width in pixels there. */
  ocr: { region: ScreenBox; width: number; ink: InkFilter };
  /** Cells whose OCR confidence is below this are flagged for human review. */
  reviewBelow: number;
  avatar?: ScreenBox;
  fields: TemplateField[];
}

const box = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine(([x0, y0, x1, y1]) => x1 > x0 && y1 > y0, { message: 'a box is [x0, y0, x1, y1] with x1 > x0 and y1 > y0' });

const schema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  screen: z.strictObject({ width: z.number().positive(), height: z.number().positive() }),
  ocr: z.strictObject({
    region: box,
    width: z.number().int().min(200).max(4000).default(720),
    ink: z
      .strictObject({ channel: z.enum(['red', 'green', 'blue', 'luma']), black: z.number().min(0).max(254), white: z.number().min(1).max(255) })
      .refine((i) => i.white > i.black, { message: 'ink.white must be above ink.black' })
      .default({ channel: 'luma', black: 0, white: 255 }),
  }),
  review: z.strictObject({ below: z.number().min(0).max(1) }).default({ below: 0.9 }),
  avatar: box.optional(),
  fields: z
    .partialRecord(
      z.enum(CARD_FIELDS),
      z.strictObject({ box: box, label: z.string().min(1).optional(), until: z.string().min(1).optional(), joiner: z.string().default('') }),
    )
    .refine((f) => Object.keys(f).length > 0, { message: 'declare at least one field' }),
});

/**
 * Parse and check a layout template. Any problem (YAML syntax, unknown key, a box outside the
 * screen, a field not among name/employer/title/school/tags) is an EvidenceError naming the
 * file and the key.
 */
export function parseLayoutTemplate(text: string, file: string): LayoutTemplate {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new EvidenceError({ file, message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new EvidenceError(
      r.error.issues.slice(0, 20).map((i) => ({ file, column: i.path.join('.') || '(top level)', message: `layout template: ${i.message}` })),
    );
  }
  const t = r.data;
  const issues: Array<{ file: string; column: string; value: unknown; message: string }> = [];
  const inside = (b: ScreenBox, key: string) => {
    if (b[0] < 0 || b[1] < 0 || b[2] > t.screen.width || b[3] > t.screen.height) {
      issues.push({ file, column: key, value: b, message: `box lies outside the ${t.screen.width} x ${t.screen.height} screen` });
    }
  };
  inside(t.ocr.region as ScreenBox, 'ocr.region');
  if (t.avatar) inside(t.avatar as ScreenBox, 'avatar');
  const fields: TemplateField[] = [];
  for (const name of CARD_FIELDS) {
    const f = t.fields[name];
    if (!f) continue;
    inside(f.box as ScreenBox, `fields.${name}.box`);
    fields.push({ name, box: f.box as ScreenBox, joiner: f.joiner, ...(f.label ? { label: f.label } : {}), ...(f.until ? { until: f.until } : {}) });
  }
  if (issues.length) throw new EvidenceError(issues);
  return {
    name: t.name,
    description: t.description,
    screen: t.screen,
    ocr: { region: t.ocr.region as ScreenBox, width: t.ocr.width, ink: t.ocr.ink },
    reviewBelow: t.review.below,
    ...(t.avatar ? { avatar: t.avatar as ScreenBox } : {}),
    fields,
  };
}
