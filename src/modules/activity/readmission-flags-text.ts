/**
 * How a load or a run flagged emergency readmissions, in words, for the CLI and the web alike (pure:
 * the web bundle imports it).
 */

/** A readmission rule: "30 days, same provider". */
export function readmissionRuleText(rule: { readonly windowDays: number; readonly scope: string }): string {
  return `${rule.windowDays} days, ${rule.scope.replace(/_/g, ' ')}`;
}

/**
 * How a run flagged them (RunSummary.readmissionFlags): "30 days, same provider; flagged again across
 * all loads (2 loads: …): 1 row changed" or "30 days, same provider; as flagged at load".
 */
export function readmissionFlagsText(flags: {
  readonly windowDays: number;
  readonly scope: string;
  readonly recheckedAcrossLoads: string | null;
  readonly corrected: number;
  readonly reused?: boolean;
}): string {
  const how = flags.recheckedAcrossLoads
    ? `flagged again across all loads (${flags.recheckedAcrossLoads}): ${flags.corrected.toLocaleString('en-GB')} ${
        flags.corrected === 1 ? 'row' : 'rows'
      } changed${flags.reused ? ' (as found by an earlier run over the same loads and rule)' : ''}`
    : 'as flagged at load';
  return `${readmissionRuleText(flags)}; ${how}`;
}
