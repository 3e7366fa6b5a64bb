/**
 * Make values come back the same way from PGlite and from `pg` (RECIPES: "make int8 and numeric parse
 * the same way on both back ends"). Dates stay ISO strings, so nothing shifts across time zones, and
 * numeric stays a string, so no decimal is rounded by a float (DESIGN habit 8).
 */
export const PG_OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside the safe integer range; cast it to text in SQL`);
  }
  return value;
}

export function parseTimestamp(text: string): string {
  // PostgreSQL prints "2013-04-01 09:30:00.123456+00"; Date wants a T and a "+00:00" offset.
  // A timestamp without time zone is read as UTC.
  let iso = text.replace(' ', 'T');
  if (/[+-]\d\d$/.test(iso)) iso += ':00';
  else if (!/(Z|[+-]\d\d:?\d\d)$/.test(iso)) iso += 'Z';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`unreadable timestamp "${text}"`);
  return date.toISOString();
}

const identity = (text: string): string => text;

/** OID → parser, for both PGlite's `parsers` option and a `pg` `types` override. */
export const TYPE_PARSERS: Record<number, (text: string) => unknown> = {
  [PG_OID.int8]: parseInt8,
  [PG_OID.numeric]: identity,
  [PG_OID.date]: identity,
  [PG_OID.timestamp]: parseTimestamp,
  [PG_OID.timestamptz]: parseTimestamp,
};
