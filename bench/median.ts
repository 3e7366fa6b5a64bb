/** The median of timings (the upper middle of an even count): what the benchmarks report of repeats. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of no values');
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
}
