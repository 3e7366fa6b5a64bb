/**
 * The s14Z21 intervention triggers as versioned data (definitions/authorisation/
 * intervention-triggers.json): schema and loader. Each trigger has its legal reference, its threshold
 * parameters with their source, and a switch.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import {
  INTERVENTION_TRIGGER_IDS,
  type InterventionTriggerDefinition,
  type InterventionTriggerDefinitions,
  type InterventionTriggerId,
  type TriggerSource,
} from '../model.ts';
import {
  metadataShape,
  periodProblems,
  text,
  toProblems,
  unconfirmedNoteProblems,
  wholeNumber,
} from './definition-schema.ts';

const percent = z.number().min(0, 'must not be negative').max(100, 'must be at most 100');
const financialYear = z.string().regex(/^\d{4}-\d{2}$/, 'must be a financial year written YYYY-YY');

/** Each trigger's parameters and the source module it reads. */
const TRIGGERS: Record<InterventionTriggerId, { source: TriggerSource; parameters: z.ZodType }> = {
  'INT-GOV-ERRORS': { source: 'governance', parameters: z.strictObject({ minimumErrors: wholeNumber(1) }) },
  'INT-GOV-STATUTORY': {
    source: 'governance',
    parameters: z.strictObject({ ruleIds: z.array(text).min(1, 'must list at least one rule id') }),
  },
  'INT-FIN-OVERSPEND': { source: 'finance', parameters: z.strictObject({ tolerancePercent: percent }) },
  'INT-FIN-SURPLUS': {
    source: 'finance',
    parameters: z.strictObject({
      minimumSurplusPercent: percent,
      financialYears: z.array(financialYear).min(1),
    }),
  },
  'INT-OUT-FAILURES': { source: 'outcomes', parameters: z.strictObject({ minimumFailures: wholeNumber(1) }) },
};

const triggerSchema = z.strictObject({
  id: z.enum(INTERVENTION_TRIGGER_IDS),
  title: text,
  source: z.enum(['governance', 'finance', 'outcomes']),
  legalRef: text,
  thresholdSource: text,
  confidence: z.enum(['confirmed', 'unconfirmed']),
  enabled: z.boolean(),
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.string())])),
}) satisfies z.ZodType<InterventionTriggerDefinition>;

export const interventionTriggersFileSchema = z.strictObject({
  ...metadataShape,
  triggers: z.array(z.unknown()),
});

function triggerProblems(t: InterventionTriggerDefinition, path: string): Problem[] {
  const spec = TRIGGERS[t.id];
  const problems: Problem[] = [];
  if (t.source !== spec.source) {
    problems.push({
      path: `${path}.source`,
      message: `${t.id} reads ${spec.source}, not ${t.source}`,
      code: 'invalid_intervention_trigger',
    });
  }
  if (!/s14Z21/.test(t.legalRef)) {
    problems.push({
      path: `${path}.legalRef`,
      message: 'must cite s14Z21, the power the trigger informs',
      code: 'invalid_intervention_trigger',
    });
  }
  const parameters = spec.parameters.safeParse(t.parameters);
  if (!parameters.success) {
    problems.push(...toProblems(parameters.error, `${path}.parameters`, 'invalid_intervention_trigger'));
  }
  problems.push(...unconfirmedNoteProblems(t.confidence, t.thresholdSource, `${path}.thresholdSource`));
  return problems;
}

/** Validates the parsed triggers file: every trigger id exactly once, with valid parameters. */
export function loadInterventionTriggers(json: unknown): InterventionTriggerDefinitions {
  const parsed = interventionTriggersFileSchema.safeParse(json);
  if (!parsed.success) {
    throw AppError.validation(
      toProblems(parsed.error, '', 'invalid_intervention_trigger'),
      'Invalid intervention triggers',
    );
  }
  const problems: Problem[] = [...periodProblems(parsed.data.effective_from, parsed.data.effective_to, '')];
  const triggers: InterventionTriggerDefinition[] = [];
  parsed.data.triggers.forEach((raw, index) => {
    const path = `triggers.${index}`;
    const trigger = triggerSchema.safeParse(raw);
    if (!trigger.success) {
      problems.push(...toProblems(trigger.error, path, 'invalid_intervention_trigger'));
      return;
    }
    if (triggers.some((t) => t.id === trigger.data.id)) {
      problems.push({
        path: `${path}.id`,
        message: `duplicate trigger "${trigger.data.id}"`,
        code: 'duplicate_trigger',
      });
    }
    problems.push(...triggerProblems(trigger.data, path));
    triggers.push(trigger.data);
  });
  for (const id of INTERVENTION_TRIGGER_IDS) {
    if (!triggers.some((t) => t.id === id)) {
      problems.push({ path: 'triggers', message: `missing trigger "${id}"`, code: 'missing_trigger' });
    }
  }
  if (problems.length) throw AppError.validation(problems, 'Invalid intervention triggers');
  return { ...parsed.data, triggers };
}
