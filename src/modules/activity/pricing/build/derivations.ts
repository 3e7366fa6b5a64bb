/**
 * The illustrative derivations of the tariff build, as pure functions: trim points (not in the
 * reference data) and the market forces factor per provider (the 2013/14 MFF was not found).
 */

/** Illustrative trim point method: 1.5 × (spell cost ÷ excess bed day cost), rounded up, at least 2 days. */
export const TRIM_POINT_METHOD = { numerator: 3, denominator: 2, minimumDays: 2 } as const;

/**
 * The spell cost divided by the cost of one excess bed day is the length of stay the spell price
 * "buys" at the marginal daily cost; the trim point is set half as long again. Illustrative only: real
 * trim points were the upper quartile of length of stay plus 1.5 × the interquartile range.
 */
export function illustrativeTrimPoint(spellPence: number, excessBedDayPence: number): number {
  const { numerator, denominator, minimumDays } = TRIM_POINT_METHOD;
  const scaledDivisor = denominator * excessBedDayPence;
  const days = Math.floor((numerator * spellPence + scaledDivisor - 1) / scaledDivisor);
  return Math.max(minimumDays, days);
}

/** Central London (Charing Cross), the centre of the illustrative London weighting. */
export const LONDON_CENTRE = { lat: 51.5073, lon: -0.1276 } as const;
/** Illustrative MFF method: floor + uplift × exp(−distance from central London ÷ decay). */
export const MFF_METHOD = { floor: 0.97, londonUplift: 0.25, decayKm: 50 } as const;

/**
 * Illustrative MFF of a provider, in basis points: 1.22 in central London, about 1.06 at 50 km,
 * 1.00 at 100 km and 0.97 far away; 1.0000 when the provider's position is unknown. A deterministic
 * London weighting, not the DH index.
 */
export function illustrativeMffBp(position: { lat: number | null; lon: number | null }): {
  mffBp: number;
  distanceKm: number | null;
} {
  if (position.lat === null || position.lon === null) return { mffBp: 10_000, distanceKm: null };
  const distanceKm = haversineKm(position.lat, position.lon, LONDON_CENTRE.lat, LONDON_CENTRE.lon);
  const { floor, londonUplift, decayKm } = MFF_METHOD;
  return { mffBp: Math.round(10_000 * (floor + londonUplift * Math.exp(-distanceKm / decayKm))), distanceKm };
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
