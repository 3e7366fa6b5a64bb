import { seg } from '../../lib/api.ts';

/** The CCG's activity page, at a month (YYYY-MM) or, without one, the latest month with activity. */
export function activityPath(code: string, month?: string | null): string {
  const path = `/ccg/${seg(code)}/activity`;
  return month ? `${path}?month=${encodeURIComponent(month)}` : path;
}

/** Drill-down: one provider's activity for the CCG, by specialty and point of delivery. */
export function providerActivityPath(code: string, provider: string, month?: string | null): string {
  const path = `/ccg/${seg(code)}/activity/providers/${seg(provider)}`;
  return month ? `${path}?month=${encodeURIComponent(month)}` : path;
}

/** The SLAM-style statement of the contract between the CCG and a provider. */
export function contractStatementPath(code: string, provider: string): string {
  return `/ccg/${seg(code)}/contracts/${seg(provider)}`;
}

/** What the provider drill-down and the contract statement pages take from their path: CCG, provider, date. */
export interface ProviderPageProps {
  readonly code: string;
  readonly provider: string;
  readonly asAt: string;
}
