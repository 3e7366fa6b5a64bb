import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.ts';
import type { AssessmentDefinitions } from './assessment-model.ts';
import type { AssuranceDefinitions } from './assurance-model.ts';
import type {
  CriteriaDefinitions,
  CriteriaVersion,
  InterventionTriggerDefinitions,
  LifecycleContext,
  SupportLevelDefinitions,
  WaveDefinitions,
} from './model.ts';
import {
  criteriaVersion,
  GUIDE_CRITERIA_VERSION,
  loadAssessmentDefinitions,
  loadAssuranceDefinitions,
  loadCriteria,
  loadInterventionTriggers,
  loadSupportLevels,
  loadWaves,
} from './rules/index.ts';

const DEFINITIONS = path.join(REPO_ROOT, 'definitions', 'authorisation');

/** Every authorisation definition file, validated; loaded once by the composition root. */
export interface AuthorisationDefinitions {
  readonly criteria: CriteriaDefinitions;
  readonly supportLevels: SupportLevelDefinitions;
  readonly waves: WaveDefinitions;
  readonly triggers: InterventionTriggerDefinitions;
  readonly assessment: AssessmentDefinitions;
  readonly assurance: AssuranceDefinitions;
  /** The guide's criteria (119), which applications are assessed against. */
  readonly guide: CriteriaVersion;
  /** What the lifecycle state machine reads. */
  readonly context: LifecycleContext;
}

export function loadAuthorisationDefinitions(): AuthorisationDefinitions {
  const read = (f: string) => JSON.parse(readFileSync(path.join(DEFINITIONS, f), 'utf8'));
  const criteria = loadCriteria(read('criteria.json'));
  const supportLevels = loadSupportLevels(read('support-levels.json'));
  const waves = loadWaves(read('waves.json'));
  const guide = criteriaVersion(criteria, GUIDE_CRITERIA_VERSION);
  return {
    criteria,
    supportLevels,
    waves,
    triggers: loadInterventionTriggers(read('intervention-triggers.json')),
    assessment: loadAssessmentDefinitions(read('assessment.json')),
    assurance: loadAssuranceDefinitions(read('assurance.json')),
    guide,
    context: {
      waves: waves.waves,
      establishmentDate: waves.establishmentDate,
      supportLevels: supportLevels.levels,
      criteria: guide.criteria,
    },
  };
}
