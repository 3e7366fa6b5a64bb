/**
 * For the synthetic governance tests: a made-up set of CCGs with practices, providers, CSUs and local
 * authorities, and a runner that puts one CCG's generated data through every governance check.
 * Pure: the tests read the rule book and threshold table themselves.
 */
import type {
  GiftHospitalityTable,
  GovernanceRuleBook,
  GovernanceViolation,
  MeetingConflictPlan,
} from '../../modules/governance/model.ts';
import {
  checkDeclarations,
  checkGiftsAndHospitality,
  checkGoverningBody,
  checkRegisterReview,
  planMeetingConflicts,
} from '../../modules/governance/rules/index.ts';
import { governingBodyInput, meetingConflictInput, registerOfInterests } from './adapters.ts';
import { pad } from './context.ts';
import type { CcgGovernanceSeed, SynthCcg } from './types.ts';

const TEST_NAMES = [
  'NHS Wokingham',
  'NHS Avonmere',
  'NHS North & West Reading',
  'NHS Brackenfield and District',
  'NHS Coldharbour CCG',
  'NHS Dunmow Vale',
  'NHS Eastwater Clinical Commissioning Group',
  'NHS Fernleigh',
  'NHS Greystone North',
  'NHS Greystone South',
  'NHS Hollinsmoor',
  'NHS Ivybridge Coast',
  'NHS Kelderby, Marsh and Fen',
  'NHS Larkhill City',
  'NHS Wandsworth',
  'NHS Millbrook (Central)',
  'NHS Northfold',
  'NHS Oxley Downs',
  'NHS Pennine Edge',
  'NHS Queensholme',
];

/** A provider pool of 30 codes; neighbouring CCGs share some of their providers. */
const PROVIDERS = Array.from(
  { length: 30 },
  (_, i) => `R${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`,
);

/**
 * `n` made-up CCGs (names from a fixed list, then numbered): 8–40 practices each, 2–5 providers,
 * a CSU for most, local authorities shared by pairs. One has no providers, one no CSU, one no
 * local authority.
 */
export function testCcgs(names: readonly string[] = TEST_NAMES): SynthCcg[] {
  return names.map((name, i) => {
    const code = `T${pad(i + 1, 2)}`;
    const practices = 8 + ((i * 7) % 33);
    const providerCount = i === 3 ? 0 : 2 + (i % 4);
    return {
      code,
      name,
      memberPracticeCodes: Array.from({ length: practices }, (_, k) => `Z${pad(i + 1, 3)}${pad(k + 1, 2)}`),
      commissionedProviderCodes: Array.from(
        { length: providerCount },
        (_, k) => PROVIDERS[(i * 2 + k) % PROVIDERS.length]!,
      ),
      csuCode: i === 5 ? null : `0D${i % 4}`,
      localAuthorityNames: i === 7 ? [] : [`Borough ${Math.floor(i / 2) + 1}`],
    };
  });
}

export interface CcgFindings {
  /** Every violation id the checks report, except MTG-CONFLICT (a normal finding), sorted. */
  readonly ruleIds: string[];
  readonly governingBody: GovernanceViolation[];
  readonly meetingPlans: MeetingConflictPlan[];
}

/** Runs every governance check over one CCG's generated data as at `asAt`. */
export function checkCcg(
  ccg: SynthCcg,
  seed: CcgGovernanceSeed,
  asAt: string,
  book: GovernanceRuleBook,
  thresholds: GiftHospitalityTable,
): CcgFindings {
  const governingBody = checkGoverningBody(governingBodyInput(ccg, seed), asAt, book);
  const meetingPlans = seed.meetings.map((m) => planMeetingConflicts(meetingConflictInput(seed, m), book));
  const violations = [
    ...governingBody,
    ...checkDeclarations(seed.declarations, asAt, book),
    ...checkRegisterReview(registerOfInterests(seed), asAt, book),
    ...checkGiftsAndHospitality(seed.gifts, thresholds, asAt).flatMap((a) => a.violations),
    ...meetingPlans.flatMap((p) => p.violations),
  ];
  return {
    ruleIds: violations
      .map((v) => v.ruleId)
      .filter((id) => id !== 'MTG-CONFLICT')
      .sort(),
    governingBody,
    meetingPlans,
  };
}
