/**
 * NHS number check digit (modulus 11): weights 10..2 over the first nine digits; 11 − (sum mod 11),
 * where 11 means 0 and 10 means the number is never issued. PURE.
 */
export function nhsCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) throw new Error('expected nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return nhsCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/**
 * The n-th valid synthetic NHS number in the 999 range, which NHS England reserves for testing and
 * never issues to a patient.
 */
export function syntheticNhsNumber(n: number): string {
  let found = -1;
  for (let serial = 0; serial < 1_000_000; serial++) {
    const first9 = `999${String(serial).padStart(6, '0')}`;
    const check = nhsCheckDigit(first9);
    if (check === null) continue;
    if (++found === n) return `${first9}${check}`;
  }
  throw new RangeError('synthetic NHS number range exhausted');
}
