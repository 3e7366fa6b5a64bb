/**
 * Computed triggers for the Board's intervention in a CCG (NHS Act 2006 s14Z21): governance failures,
 * financial risk and outcome failures, each against the thresholds in the definitions. A trigger whose
 * source is missing (no finance or outcomes module yet) says "no data", never "not raised". A raised
 * trigger is evidence for the Board to weigh, not a finding that the CCG is failing.
 */
import type {
  InterventionAssessment,
  InterventionInput,
  InterventionTriggerDefinition,
  InterventionTriggerDefinitions,
  TriggerResult,
  TriggerStatus,
} from '../model.ts';

interface Finding {
  readonly status: TriggerStatus;
  readonly evidence: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

const NO_SOURCE: Record<InterventionTriggerDefinition['source'], string> = {
  governance: 'No governance findings were supplied for this CCG.',
  finance: 'No financial position: the finance module does not exist yet.',
  outcomes: 'No outcome indicators: the outcomes module does not exist yet.',
};

const num = (t: InterventionTriggerDefinition, name: string) => t.parameters[name] as number;
const list = (t: InterventionTriggerDefinition, name: string) => t.parameters[name] as readonly string[];
/** Pence as £ millions with one decimal, for the evidence sentence (the detail keeps the pence). */
const millions = (pence: number) => `£${(pence / 100_000_000).toFixed(1)}m`;
const found = (raised: boolean, evidence: string, detail: Record<string, unknown>): Finding => ({
  status: raised ? 'raised' : 'not_raised',
  evidence,
  detail,
});

function evaluate(t: InterventionTriggerDefinition, input: InterventionInput): Finding {
  const { governance, financial, outcomes } = input;
  switch (t.id) {
    case 'INT-GOV-ERRORS': {
      if (!governance) break;
      const minimum = num(t, 'minimumErrors');
      const ids = governance.errorRuleIds.length ? ` (${governance.errorRuleIds.join(', ')})` : '';
      return found(
        governance.errorCount >= minimum,
        `Governance compliance on ${governance.asAt}: ${governance.errorCount} errors${ids}; the trigger is ${minimum} or more.`,
        { asAt: governance.asAt, errorCount: governance.errorCount, errorRuleIds: governance.errorRuleIds },
      );
    }
    case 'INT-GOV-STATUTORY': {
      if (!governance) break;
      const watched = list(t, 'ruleIds');
      const failing = governance.errorRuleIds.filter((id) => watched.includes(id));
      return found(
        failing.length > 0,
        failing.length
          ? `Governance compliance on ${governance.asAt}: statutory requirements not met (${failing.join(', ')}).`
          : `Governance compliance on ${governance.asAt}: every watched statutory requirement is met.`,
        { asAt: governance.asAt, failingRuleIds: failing },
      );
    }
    case 'INT-FIN-OVERSPEND': {
      if (!financial) break;
      const tolerance = num(t, 'tolerancePercent');
      const { allocationPence: allocation, forecastOutturnPence: forecast } = financial;
      const overspend = forecast - allocation;
      return found(
        forecast * 100 > allocation * (100 + tolerance),
        `${financial.financialYear} forecast outturn ${millions(forecast)} against an allocation of ${millions(allocation)} (${overspend > 0 ? `overspend ${millions(overspend)}` : 'within it'}); the trigger is an overspend above ${tolerance}%.`,
        {
          asAt: financial.asAt,
          allocationPence: allocation,
          forecastOutturnPence: forecast,
          overspendPence: overspend,
        },
      );
    }
    case 'INT-FIN-SURPLUS': {
      if (!financial) break;
      const years = list(t, 'financialYears');
      if (!years.includes(financial.financialYear)) {
        return {
          status: 'no_data',
          evidence: `No surplus business rule on record for ${financial.financialYear} (only ${years.join(', ')}).`,
          detail: { financialYear: financial.financialYear },
        };
      }
      const minimum = num(t, 'minimumSurplusPercent');
      const surplus = financial.allocationPence - financial.forecastOutturnPence;
      const share = financial.allocationPence ? (surplus / financial.allocationPence) * 100 : 0;
      return found(
        surplus * 100 < financial.allocationPence * minimum,
        `${financial.financialYear} forecast surplus ${millions(surplus)}, ${share.toFixed(2)}% of the allocation; the business rule is at least ${minimum}%.`,
        { asAt: financial.asAt, surplusPence: surplus, allocationPence: financial.allocationPence },
      );
    }
    case 'INT-OUT-FAILURES': {
      if (!outcomes) break;
      const minimum = num(t, 'minimumFailures');
      const ids = outcomes.failures.map((f) => f.indicatorId);
      return found(
        outcomes.failures.length >= minimum,
        `Outcomes on ${outcomes.asAt}: ${outcomes.failures.length} of ${outcomes.indicatorsAssessed} indicators significantly worse than expected${ids.length ? ` (${ids.join(', ')})` : ''}; the trigger is ${minimum} or more.`,
        { asAt: outcomes.asAt, indicatorsAssessed: outcomes.indicatorsAssessed, failingIndicatorIds: ids },
      );
    }
  }
  return { status: 'no_data', evidence: NO_SOURCE[t.source], detail: {} };
}

/** Every trigger's result for one CCG, in definition order, and the raised ones. */
export function assessInterventionTriggers(
  input: InterventionInput,
  definitions: InterventionTriggerDefinitions,
): InterventionAssessment {
  const results: TriggerResult[] = definitions.triggers.map((t) => {
    const finding: Finding = t.enabled
      ? evaluate(t, input)
      : { status: 'switched_off', evidence: 'Switched off in the definitions.', detail: {} };
    return {
      triggerId: t.id,
      title: t.title,
      status: finding.status,
      legalRef: t.legalRef,
      confidence: t.confidence,
      evidence: finding.evidence,
      thresholds: t.parameters,
      detail: finding.detail,
    };
  });
  return { ccgCode: input.ccgCode, results, raised: results.filter((r) => r.status === 'raised') };
}
