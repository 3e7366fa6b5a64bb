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

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** A moment in the reader's own time zone: "3 Jun 2013, 09:00:00 BST"; null → the fallback. */
export function formatDateTime(iso: string | null, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** How far a moment is from `now`: "in 30 minutes", "2 hours ago", "in 3 days". */
export function formatFromNow(iso: string, now: number = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  if (Number.isNaN(seconds)) return '';
  const abs = Math.abs(seconds);
  if (abs < 45) return relative.format(Math.round(seconds), 'second');
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 36 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86_400), 'day');
}

/** Today in the reader's own time zone, as YYYY-MM-DD. */
export function localIsoDate(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${String(date.getDate()).padStart(2, '0')}`;
}
