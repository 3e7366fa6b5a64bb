import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWindows1252, readCsv } from './csv.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('readCsv', () => {
  it.each([
    ['LF', 'a,b\n1,2\n3,4\n'],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['CR only (ONS at.csv)', 'a,b\r1,2\r3,4\r'],
    ['UTF-8 BOM and blank lines', '\uFEFFa,b\n\n1,2\n\n3,4\n'],
  ])('reads %s line endings with line numbers', (name, content) => {
    const csv = readCsv(file(`${name}.csv`, content), { header: true });
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.records.map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(csv.records[0]!.line).toBeGreaterThan(1);
  });

  it('keeps quoted commas in one field and reports the physical line', () => {
    const csv = readCsv(file('q.csv', 'x\n"A, B",2\n"C",3\n'), { header: true });
    expect(csv.records).toEqual([
      { line: 2, fields: ['A, B', '2'] },
      { line: 3, fields: ['C', '3'] },
    ]);
  });

  it('decodes Windows-1252 punctuation (the 0x92 apostrophe in Queen’s Park)', () => {
    const bytes = Buffer.from([0x51, 0x75, 0x65, 0x65, 0x6e, 0x92, 0x73, 0x2c, 0x31, 0x0a]);
    expect(readCsv(file('w.csv', bytes), { encoding: 'windows-1252' }).records[0]!.fields).toEqual([
      'Queen’s',
      '1',
    ]);
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x93, 0x94, 0xe9]))).toBe('€“”é');
  });
});
