const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 1234567 → "1,234,567". */
export function formatInt(value: number): string {
  return integer.format(value);
}

/** 1234567 → "1.2M"; for legends and axis labels. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** "2013-04-01" → "1 April 2013"; null → the fallback. */
export function formatDate(iso: string | null, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

/** "2013-04-01" → "1 Apr 2013"; for dense tables. */
export function formatShortDate(iso: string | null, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : shortDate.format(date);
}

/** A decimal-string share such as "0.9731" → "97.3%". */
export function formatShare(share: string | null): string {
  if (share === null || share === '') return '—';
  const value = Number(share);
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : share;
}
