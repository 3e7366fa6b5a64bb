import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { blankLineNumbers } from './blank-lines.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'blank-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('blankLineNumbers', () => {
  it.each([
    { name: 'no blank line', text: 'h\na\nb\n', blanks: [] },
    { name: 'blank lines in the middle', text: 'h\na\n\n\nb\n', blanks: [3, 4] },
    { name: 'CRLF blank line', text: 'h\r\na\r\n\r\nb\r\n', blanks: [3] },
    { name: 'a trailing blank line', text: 'h\na\n\n', blanks: [3] },
    { name: 'no final line feed', text: 'h\n\na', blanks: [2] },
    { name: 'an empty file', text: '', blanks: [] },
    { name: 'spaces are not blank', text: 'h\n \nb\n', blanks: [] },
  ])('$name', async ({ text, blanks }) => {
    const file = path.join(dir, 'f.csv');
    writeFileSync(file, text);
    expect(await blankLineNumbers(file)).toEqual(blanks);
    const gz = path.join(dir, 'f.csv.gz');
    writeFileSync(gz, gzipSync(text));
    expect(await blankLineNumbers(gz)).toEqual(blanks);
  });

  it('follows a line across chunk boundaries', async () => {
    // 64 KiB read chunks: a long line, then a blank line straddling the boundary.
    const long = 'x'.repeat(65_535);
    const file = path.join(dir, 'long.csv');
    writeFileSync(file, `h\n${long}\n\r\n${'y'.repeat(70_000)}\n\nz\n`);
    expect(await blankLineNumbers(file)).toEqual([3, 5]);
  });
});
