import { AppError, type Problem } from '../../../../platform/errors.ts';
import type { PricingOptions } from '../model.ts';

/**
 * The named switches and parameters of the pricing rules (ids as in rules.json and
 * best-practice.json), set from text, e.g. from `--switch readmission_scope=any_provider`.
 * Every bad assignment is reported at once, each naming the switch and the values it accepts.
 */
export const SWITCH_IDS = [
  'short_stay_emergency',
  'apply_mff',
  'bpt_missing_criteria',
  'bpt_area.<area id>',
  'readmission_scope',
  'readmission_avoidable_share_bp',
  'readmission_exclusion.<exclusion id>',
  'mret_phasing',
  'mret_baseline_method',
  'mret_baseline_share_bp',
] as const;

export function applySwitches(
  options: PricingOptions,
  assignments: Readonly<Record<string, string>>,
): PricingOptions {
  const problems: Problem[] = [];
  let result: PricingOptions = options;
  const bad = (id: string, message: string) =>
    problems.push({ path: `switch.${id}`, message, code: 'invalid_switch' });
  const choice = <T extends string>(id: string, value: string, allowed: readonly T[]): T | null => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    bad(id, `"${value}" is not one of ${allowed.join(', ')}`);
    return null;
  };
  const flag = (id: string, value: string): boolean | null => {
    if (value === 'true' || value === 'false') return value === 'true';
    bad(id, `"${value}" is not true or false`);
    return null;
  };
  const basisPoints = (id: string, value: string, max: number): number | null => {
    const n = Number(value);
    if (/^\d+$/.test(value) && n <= max) return n;
    bad(id, `"${value}" is not a whole number of basis points from 0 to ${max}`);
    return null;
  };

  for (const [id, raw] of Object.entries(assignments)) {
    const value = raw.trim();
    if (id === 'short_stay_emergency') {
      const v = choice(id, value, ['reference_cost_short_stay', 'single_price'] as const);
      if (v) result = { ...result, shortStayEmergency: v };
    } else if (id === 'apply_mff') {
      const v = flag(id, value);
      if (v !== null) result = { ...result, applyMff: v };
    } else if (id === 'bpt_missing_criteria') {
      const v = choice(id, value, ['not_met', 'no_adjustment'] as const);
      if (v) result = { ...result, bptMissingCriteria: v };
    } else if (id.startsWith('bpt_area.')) {
      const areaId = id.slice('bpt_area.'.length);
      if (!result.bptAreas.some((a) => a.id === areaId)) {
        bad(id, `no modelled BPT area "${areaId}" (known: ${result.bptAreas.map((a) => a.id).join(', ')})`);
        continue;
      }
      const v = flag(id, value);
      if (v !== null)
        result = {
          ...result,
          bptAreas: result.bptAreas.map((a) => (a.id === areaId ? { ...a, enabled: v } : a)),
        };
    } else if (id === 'readmission_scope') {
      const v = choice(id, value, ['same_provider', 'any_provider'] as const);
      if (v) result = { ...result, readmissions: { ...result.readmissions, scope: v } };
    } else if (id === 'readmission_avoidable_share_bp') {
      const v = basisPoints(id, value, 10_000);
      if (v !== null) result = { ...result, readmissions: { ...result.readmissions, avoidableShareBp: v } };
    } else if (id.startsWith('readmission_exclusion.')) {
      const exclusionId = id.slice('readmission_exclusion.'.length);
      const exclusions = result.readmissions.exclusions;
      if (!exclusions.some((e) => e.id === exclusionId)) {
        bad(
          id,
          `no readmission exclusion "${exclusionId}" (known: ${exclusions.map((e) => e.id).join(', ')})`,
        );
        continue;
      }
      const v = flag(id, value);
      if (v !== null) {
        const updated = exclusions.map((e) => (e.id === exclusionId ? { ...e, enabled: v } : e));
        result = { ...result, readmissions: { ...result.readmissions, exclusions: updated } };
      }
    } else if (id === 'mret_phasing') {
      const v = choice(id, value, ['year_to_date', 'monthly'] as const);
      if (v) result = { ...result, marginalRate: { ...result.marginalRate, phasing: v } };
    } else if (id === 'mret_baseline_method') {
      const v = choice(id, value, ['agreed', 'share_of_outturn'] as const);
      if (v) result = { ...result, marginalRate: { ...result.marginalRate, baselineMethod: v } };
    } else if (id === 'mret_baseline_share_bp') {
      const v = basisPoints(id, value, 20_000);
      if (v !== null)
        result = { ...result, marginalRate: { ...result.marginalRate, baselineShareOfOutturnBp: v } };
    } else {
      bad(id, `unknown pricing switch (known: ${SWITCH_IDS.join(', ')})`);
    }
  }
  if (problems.length) throw AppError.validation(problems, 'Invalid pricing switches');
  return result;
}
