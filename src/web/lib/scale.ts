/**
 * Sequential colour classes for the choropleth: quantile breaks rounded to two significant figures,
 * so the legend reads "150k–200k" rather than "151,237–198,802".
 */

/** NHS-blue sequential ramp, light to dark (ColorBrewer "Blues", 6 classes, darkened at the top). */
export const SEQUENTIAL_BLUES = [
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#2b7bba',
  '#005eb8',
  '#003087',
] as const;

/** Rounds to `digits` significant figures (0 stays 0). */
export function roundSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1);
  return Math.round(value / magnitude) * magnitude;
}

/**
 * Up to `classes - 1` increasing thresholds that split `values` into roughly equal-sized classes.
 * Duplicate thresholds (after rounding) are dropped, so small or uniform data gets fewer classes.
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const position = (sorted.length - 1) * (i / classes);
    const lower = sorted[Math.floor(position)]!;
    const upper = sorted[Math.ceil(position)]!;
    const threshold = roundSignificant(lower + (upper - lower) * (position - Math.floor(position)));
    if (threshold > sorted[0]! && threshold <= sorted[sorted.length - 1]! && !breaks.includes(threshold)) {
      breaks.push(threshold);
    }
  }
  return breaks.sort((a, b) => a - b);
}

/** The class of `value`: 0 below the first threshold, `breaks.length` at or above the last. */
export function classify(value: number, breaks: readonly number[]): number {
  let index = 0;
  while (index < breaks.length && value >= breaks[index]!) index++;
  return index;
}

/** The colours for `breaks.length + 1` classes, spread over the ramp. */
export function rampFor(breaks: readonly number[], ramp: readonly string[] = SEQUENTIAL_BLUES): string[] {
  const n = breaks.length + 1;
  if (n >= ramp.length) return [...ramp];
  if (n === 1) return [ramp[Math.floor(ramp.length / 2)]!];
  return Array.from({ length: n }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (n - 1))]!);
}

/** The smallest "round" number ≥ value (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten), for axis ends. */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step =
    [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= value * (1 - 1e-12)) ?? 10;
  return Number((step * magnitude).toPrecision(12));
}
