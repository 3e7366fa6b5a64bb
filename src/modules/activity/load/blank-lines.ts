import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const LF = 10;
const CR = 13;

/**
 * The numbers (from 1) of the empty lines of a text file (gzip when it ends in .gz): lines with nothing
 * or only a carriage return before their line feed. DuckDB's CSV reader skips them without a trace,
 * so the loader needs them to give each later row its true line in the file. A blank line inside a
 * quoted field would be counted too; the activity layout has no free-text fields, so none is expected.
 */
export async function blankLineNumbers(file: string): Promise<number[]> {
  let source: NodeJS.ReadableStream = createReadStream(file);
  if (file.toLowerCase().endsWith('.gz')) source = source.pipe(createGunzip());
  const blanks: number[] = [];
  let line = 1;
  // What the current line holds so far (it may span chunks): nothing, only CRs, or something else.
  let empty = true;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    let pos = 0;
    for (;;) {
      const lf = chunk.indexOf(LF, pos);
      const end = lf === -1 ? chunk.length : lf;
      if (empty && end > pos) empty = onlyCarriageReturns(chunk, pos, end);
      if (lf === -1) break;
      if (empty) blanks.push(line);
      line++;
      empty = true;
      pos = lf + 1;
    }
  }
  return blanks;
}

function onlyCarriageReturns(chunk: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (chunk[i] !== CR) return false;
  return true;
}
