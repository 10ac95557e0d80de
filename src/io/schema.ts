/**
 * Declarative table schemas. A schema is plain data (no functions) so it prints in a report
 * (`describeSchema`) and a reader sees exactly what was checked: which columns were required,
 * their types, the ranges that count as absurd, the unique keys.
 *
 * @example
 * const users = {
 *   name: 'users',
 *   description: 'Profiles as displayed by the seller',
 *   columns: [
 *     { name: 'id', type: 'string', unique: true, pattern: /^u\d+$/ },
 *     { name: 'age', type: 'integer', min: 0, max: 150, nullable: true },
 *     { name: 'gender', type: 'string', oneOf: ['男', '女'] },
 *     { name: 'registered', type: 'date', min: '2009-08-14' },
 *   ],
 * } as const satisfies TableSchema;
 * type User = RowOf<typeof users>; // { id: string; age: number | null; gender: string; registered: string }
 */
import { z } from 'zod';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'integer', 'number', 'boolean', 'date', 'datetime'];

/** What each type accepts, as printed by describeSchema and used in error messages. */
export const TYPE_DESCRIPTIONS: Record<ColumnType, string> = {
  string: 'text, kept exactly as in the file',
  integer: 'whole number, plain digits (no thousands separators), within ±2^53',
  number: 'plain decimal number, e.g. -12.5 or 1e3 (no thousands separators)',
  boolean: 'true/false, 1/0 or 是/否',
  date: 'YYYY-MM-DD or YYYY/MM/DD, returned as YYYY-MM-DD',
  datetime: 'ISO 8601 with seconds and a zone, e.g. 2014-08-01T10:00:00+08:00, kept as text',
};

export interface ColumnSpec {
  /** Header name, matched exactly (after trimming spaces around the header cell). */
  name: string;
  type: ColumnType;
  /** The column must be present in the file (default true). Absent optional columns give null. */
  required?: boolean;
  /** Cells may be empty (default false); an empty cell becomes null. */
  nullable?: boolean;
  /** No two rows may hold the same value (compared after type conversion). */
  unique?: boolean;
  /** Smallest plausible value: a number for integer/number, an ISO date/datetime for date/datetime. */
  min?: number | string;
  /** Largest plausible value (values beyond it are reported as absurd). */
  max?: number | string;
  /** The cell text must match (tested on the text as found, before conversion). */
  pattern?: RegExp;
  /** The cell text must be one of these. */
  oneOf?: readonly string[];
  description?: string;
}

export interface TableSchema {
  name: string;
  description?: string;
  columns: readonly ColumnSpec[];
}

/** A cell after conversion. */
export type CellValue = string | number | boolean | null;

/** Generic row type when no specific type is given. */
export type Row = Record<string, CellValue>;

type BaseValue<C extends ColumnSpec> = C['type'] extends 'integer' | 'number'
  ? number
  : C['type'] extends 'boolean'
    ? boolean
    : string;
type MaybeNull<C extends ColumnSpec> =
  | (C extends { nullable: true } ? null : never)
  | (C extends { required: false } ? null : never);

/** Row type inferred from a schema declared `as const`. */
export type RowOf<S extends TableSchema> = {
  [C in S['columns'][number] as C['name']]: BaseValue<C> | MaybeNull<C>;
};

const columnSpecSchema = z
  .object({
    name: z.string().min(1, 'column name must not be empty'),
    type: z.enum(['string', 'integer', 'number', 'boolean', 'date', 'datetime']),
    required: z.boolean().optional(),
    nullable: z.boolean().optional(),
    unique: z.boolean().optional(),
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
    // Not instanceof: a RegExp made in another realm (e.g. a notebook kernel's vm context) must pass too.
    pattern: z
      .custom<RegExp>((v) => Object.prototype.toString.call(v) === '[object RegExp]', 'pattern must be a RegExp')
      .optional(),
    oneOf: z.array(z.string()).readonly().optional(),
    description: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const key of ['min', 'max'] as const) {
      const bound = c[key];
      if (bound === undefined) continue;
      if (c.type === 'integer' || c.type === 'number') {
        if (typeof bound !== 'number' || !Number.isFinite(bound))
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} must be a finite number for a ${c.type} column` });
      } else if (c.type === 'date') {
        if (typeof bound !== 'string' || !z.iso.date().safeParse(bound).success)
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} must be a YYYY-MM-DD string for a date column` });
      } else if (c.type === 'datetime') {
        if (typeof bound !== 'string' || !z.iso.datetime({ offset: true }).safeParse(bound).success)
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} must be an ISO datetime with zone for a datetime column` });
      } else {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is not supported for a ${c.type} column` });
      }
    }
  });

const tableSchemaSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  columns: z.array(columnSpecSchema).min(1, 'a schema needs at least one column').readonly(),
});

/**
 * Check a schema declaration (a programming error, not an evidence error): throws TypeError
 * naming the schema and the bad field. Called by readTable/parseTable before any reading.
 */
export function assertValidSchema(schema: TableSchema): void {
  const result = tableSchemaSchema.safeParse(schema);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  } else {
    const seen = new Set<string>();
    for (const c of schema.columns) {
      if (seen.has(c.name)) problems.push(`column '${c.name}' declared twice`);
      seen.add(c.name);
    }
  }
  if (problems.length) {
    const name = (schema as { name?: unknown })?.name;
    throw new TypeError(`invalid table schema '${String(name)}': ${problems.join('; ')}`);
  }
}

/** One row of describeSchema's table. */
export interface SchemaRow {
  column: string;
  type: ColumnType;
  required: 'yes' | 'no';
  empty: 'allowed (null)' | 'not allowed';
  unique: 'yes' | '';
  range: string;
  rule: string;
  /** What the type accepts (TYPE_DESCRIPTIONS), so the report says what 'integer' meant. */
  accepts: string;
  description: string;
}

/**
 * The schema as rows for a report table, so the report shows what was checked.
 *
 * @example
 * describeSchema(users)[1];
 * // { column: 'age', type: 'integer', required: 'yes', empty: 'allowed (null)', unique: '',
 * //   range: '0 … 150', rule: '', accepts: 'whole number, plain digits (no thousands separators), within ±2^53',
 * //   description: '' }
 */
export function describeSchema(schema: TableSchema): SchemaRow[] {
  return schema.columns.map((c) => {
    const rules: string[] = [];
    if (c.pattern) rules.push(`matches ${c.pattern.toString()}`);
    if (c.oneOf) rules.push(`one of ${c.oneOf.map((v) => JSON.stringify(v)).join(', ')}`);
    const range =
      c.min === undefined && c.max === undefined
        ? ''
        : `${c.min === undefined ? '−∞' : String(c.min)} … ${c.max === undefined ? '+∞' : String(c.max)}`;
    return {
      column: c.name,
      type: c.type,
      required: c.required === false ? 'no' : 'yes',
      empty: c.nullable ? 'allowed (null)' : 'not allowed',
      unique: c.unique ? 'yes' : '',
      range,
      rule: rules.join('; '),
      accepts: TYPE_DESCRIPTIONS[c.type],
      description: c.description ?? '',
    };
  });
}
