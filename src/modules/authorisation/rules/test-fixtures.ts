/**
 * Where the tests find the definitions and the reference files, and one loader of them all. Pure: the
 * tests pass in the reader (they may use node:fs; this file may not).
 */
import { GOVERNANCE_RULE_IDS } from '../../governance/rules/rule-book.ts';
import type { AssessmentDefinitions } from '../assessment-model.ts';
import type { AssuranceDefinitions } from '../assurance-model.ts';
import type {
  CriteriaDefinitions,
  DemoReferenceFacts,
  InterventionTriggerDefinitions,
  LifecycleContext,
  SupportLevelDefinitions,
  WaveDefinitions,
} from '../model.ts';
import { loadAssessmentDefinitions } from './assessment-definitions.ts';
import { loadAssuranceDefinitions } from './assurance-definitions.ts';
import { criteriaVersion, GUIDE_CRITERIA_VERSION, loadCriteria } from './criteria.ts';
import { loadInterventionTriggers } from './intervention-definitions.ts';
import { loadSupportLevels } from './support-levels.ts';
import { loadWaves } from './waves.ts';

const definition = (file: string) =>
  new URL(`../../../../definitions/authorisation/${file}`, import.meta.url);

export const CRITERIA_URL = definition('criteria.json');
export const SUPPORT_LEVELS_URL = definition('support-levels.json');
export const WAVES_URL = definition('waves.json');
export const TRIGGERS_URL = definition('intervention-triggers.json');
export const ASSESSMENT_URL = definition('assessment.json');
export const ASSURANCE_URL = definition('assurance.json');
/** The shared research and reference data sit beside the repository: <repo>/../shared. */
export const AUTHORISATION_NOTE_URL = new URL(
  '../../../../../shared/domain/AUTHORISATION.md',
  import.meta.url,
);
export const CCG_NAMES_URL = new URL(
  '../../../../../shared/data/reference/openprescribing/CCG_APR_2013.csv',
  import.meta.url,
);

export { GOVERNANCE_RULE_IDS };

export interface LoadedDefinitions {
  readonly criteria: CriteriaDefinitions;
  readonly supportLevels: SupportLevelDefinitions;
  readonly waves: WaveDefinitions;
  readonly triggers: InterventionTriggerDefinitions;
  readonly assessment: AssessmentDefinitions;
  readonly assurance: AssuranceDefinitions;
  /** The lifecycle context of the real definitions (the guide's 119 criteria). */
  readonly context: LifecycleContext;
  readonly facts: DemoReferenceFacts;
}

/** Loads every authorisation definition file through `readJson`. */
export function loadDefinitions(readJson: (url: URL) => unknown): LoadedDefinitions {
  const criteria = loadCriteria(readJson(CRITERIA_URL));
  const supportLevels = loadSupportLevels(readJson(SUPPORT_LEVELS_URL));
  const waves = loadWaves(readJson(WAVES_URL));
  const triggers = loadInterventionTriggers(readJson(TRIGGERS_URL));
  const guide = criteriaVersion(criteria, GUIDE_CRITERIA_VERSION).criteria;
  return {
    criteria,
    supportLevels,
    waves,
    triggers,
    assessment: loadAssessmentDefinitions(readJson(ASSESSMENT_URL)),
    assurance: loadAssuranceDefinitions(readJson(ASSURANCE_URL)),
    context: {
      waves: waves.waves,
      establishmentDate: waves.establishmentDate,
      supportLevels: supportLevels.levels,
      criteria: guide,
    },
    facts: { waves, supportLevels: supportLevels.levels, criteria: guide },
  };
}
