/** `x × bp / 10000` rounded to the penny, halves away from zero: the SQL twin of applyBasisPoints. */
export function roundBp(x: string, bp: string): string {
  return `(sign(cast(${x} as bigint) * ${bp}) * ((abs(cast(${x} as bigint) * ${bp}) + 5000) // 10000))`;
}

/** roundBp for an amount and a rate both known to be non-negative: one multiplication, one division. */
export function roundBpNonNegative(x: string, bp: string): string {
  return `((cast(${x} as bigint) * ${bp} + 5000) // 10000)`;
}

/** roundBp of a non-negative amount by a constant rate of either sign (halves away from zero). */
export function roundBpByConstant(x: string, bp: number): string {
  if (!Number.isSafeInteger(bp)) throw new RangeError(`expected whole basis points, got ${bp}`);
  if (bp === 0) return '0';
  return bp > 0 ? roundBpNonNegative(x, String(bp)) : `(-${roundBpNonNegative(x, String(-bp))})`;
}
