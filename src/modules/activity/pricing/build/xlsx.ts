import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * A minimal reader of one worksheet of an .xlsx workbook, enough for the published reference-cost
 * schedules: ZIP (stored or deflated entries), shared strings, inline strings and numbers. Returns the
 * sheet as rows of cell texts placed by their column letters ('' for empty cells). No formulas are
 * evaluated: cached values are read as saved.
 */
export function readXlsxSheet(file: string, sheetName: string): string[][] {
  const zip = readZip(file);
  const text = (name: string): string => {
    const bytes = zip.get(name);
    if (!bytes) throw new Error(`${file}: the workbook has no part ${name}`);
    return bytes.toString('utf8');
  };
  const sharedStrings = zip.has('xl/sharedStrings.xml')
    ? parseSharedStrings(text('xl/sharedStrings.xml'))
    : [];
  const workbook = text('xl/workbook.xml');
  const sheet = [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)]
    .map((m) => attributes(m[1] ?? ''))
    .find((a) => decodeXml(a.name ?? '') === sheetName);
  if (!sheet) throw new Error(`${file}: no sheet named "${sheetName}"`);
  const relId = sheet['r:id'];
  const rels = [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) =>
    attributes(m[1] ?? ''),
  );
  const target = rels.find((r) => r.Id === relId)?.Target;
  if (!target) throw new Error(`${file}: sheet "${sheetName}" has no relationship ${relId}`);
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return parseSheet(text(part), sharedStrings);
}

function readZip(file: string): Map<string, Buffer> {
  const data = readFileSync(file);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a ZIP file (no end of central directory)`);
  const entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < entries; n++) {
    if (data.readUInt32LE(offset) !== 0x02014b50)
      throw new Error(`${file}: bad central directory entry ${n}`);
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    const localStart =
      localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const raw = data.subarray(localStart, localStart + compressedSize);
    if (method === 0) out.set(name, Buffer.from(raw));
    else if (method === 8) out.set(name, inflateRawSync(raw));
    else throw new Error(`${file}: entry ${name} uses unsupported compression method ${method}`);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''),
  );
}

function parseSheet(xml: string, sharedStrings: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const row of xml.matchAll(/<row\b[^>]*\/>|<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = [];
    for (const cell of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = attributes(cell[1] ?? '');
      const body = cell[2] ?? '';
      const column = columnIndex(attrs.r ?? '');
      let value = '';
      if (attrs.t === 'inlineStr') {
        value = [...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1] ?? '')).join('');
      } else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        if (v !== undefined) value = attrs.t === 's' ? (sharedStrings[Number(v)] ?? '') : decodeXml(v);
      }
      const at = column < 0 ? cells.length : column;
      while (cells.length < at) cells.push('');
      cells[at] = value;
    }
    rows.push(cells);
  }
  return rows;
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1] as string] = m[2] as string;
  return out;
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0];
  if (!letters) return -1;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] as string;
  });
}
