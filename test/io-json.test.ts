import { describe, expect, it } from 'vitest';
import { parseTable, readTable, type TableSchema } from '../src/io';
import { evidenceError, fixture, people } from './fixtures/io/helpers';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('JSON Lines', () => {
  it('a bad line in a real fixture is named by its line number, with the text', async () => {
    const path = fixture('bad-line.jsonl');
    const err = await evidenceError(readTable(path, people));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ file: path, row: 3, rowKind: 'line' });
    expect(err.issues[0]!.value).toBe('{"id":"u3","name":"李娜","age":30,"city":"广州"');
    expect(err.message).toContain('bad-line.jsonl line 3');
    expect(err.message).toMatch(/invalid JSON on this line/);
  });

  it('reads typed values directly and reports type errors by line', async () => {
    const ok = await parseTable(bytes('{"id":"u1","name":"a","age":34,"city":"c"}\n\n{"id":"u2","name":"b","age":null,"city":"d"}\n'), people, {
      fileName: 'p.jsonl',
    });
    expect(ok.rows).toEqual([
      { id: 'u1', name: 'a', age: 34, city: 'c' },
      { id: 'u2', name: 'b', age: null, city: 'd' },
    ]);
    const err = await evidenceError(
      parseTable(bytes('{"id":"u1","name":"a","age":34,"city":"c"}\n{"id":"u2","name":"b","age":34.5,"city":"d"}\n'), people, {
        fileName: 'p.jsonl',
      }),
    );
    expect(err.issues[0]).toMatchObject({ row: 2, column: 'age', value: 34.5 });
  });

  it('a line that is not an object is an error', async () => {
    const err = await evidenceError(parseTable(bytes('[1,2]\n'), people, { fileName: 'p.jsonl' }));
    expect(err.issues[0]).toMatchObject({ row: 1, message: 'expected a JSON object on this line' });
  });
});

describe('JSON array', () => {
  it('reads an array of objects; a missing key is an empty cell', async () => {
    const t = await parseTable(bytes('[{"id":"u1","name":"a","age":1,"city":"c"},{"id":"u2","name":"b","city":"d"}]'), people, {
      fileName: 'p.json',
    });
    expect(t.rows[1]).toEqual({ id: 'u2', name: 'b', age: null, city: 'd' });
    expect(t.provenance.format).toBe('json');
  });

  it('numbers items 1-based and says "item"', async () => {
    const err = await evidenceError(
      parseTable(bytes('[{"id":"u1","name":"a","age":1,"city":"c"},{"id":"u2","name":"b","age":"x","city":"d"}]'), people, {
        fileName: 'p.json',
      }),
    );
    expect(err.message).toContain(`p.json item 2, column 'age', value "x"`);
    expect(err.message).toContain('item = 1-based position in the JSON array');
  });

  it('syntax errors give line and column', async () => {
    const err = await evidenceError(parseTable(bytes('[\n{"id":"u1",}\n]'), people, { fileName: 'p.json' }));
    expect(err.message).toMatch(/invalid JSON at line 2, column \d+/);
  });

  it('refuses a non-array, an empty array and nested values', async () => {
    expect((await evidenceError(parseTable(bytes('{"id":1}'), people, { fileName: 'p.json' }))).message).toMatch(/expected a JSON array/);
    expect((await evidenceError(parseTable(bytes('[]'), people, { fileName: 'p.json' }))).message).toMatch(/array is empty/);
    const err = await evidenceError(parseTable(bytes('[{"id":"u1","name":{"a":1},"age":1,"city":"c"}]'), people, { fileName: 'p.json' }));
    expect(err.issues[0]).toMatchObject({ row: 1, column: 'name' });
    expect(err.issues[0]!.message).toMatch(/nested object/);
  });

  it('a "__proto__" key stays data and does not change the row prototype', async () => {
    const schema = { name: 'p', columns: [{ name: 'id', type: 'string' }] } as const satisfies TableSchema;
    const t = await parseTable(bytes('[{"id":"u1","__proto__":{"polluted":true}}]'), schema, { fileName: 'p.json', keepExtraColumns: true });
    expect(Object.getPrototypeOf(t.rows[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(t.provenance.extraColumns).toEqual(['__proto__']);
  });
});
