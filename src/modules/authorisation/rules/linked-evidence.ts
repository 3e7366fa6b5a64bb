/**
 * The status of a criterion's evidence linked from the platform: governance findings against the rule
 * ids the criterion watches, the registry's commissioning support and collaborative links, and
 * "manual" where the source module is not built yet (naming it). Recomputed from the current data, so
 * a criterion's status changes when the governance data changes.
 */
import type {
  AuthorisationCriterion,
  CriterionEvidenceStatus,
  GovernanceFindings,
  LinkedEvidenceResult,
  LinkedEvidenceStatus,
  PlatformEvidenceLink,
  RegistryEvidence,
} from '../model.ts';

export interface EvidenceSources {
  readonly governance: GovernanceFindings | null;
  readonly registry: RegistryEvidence | null;
}

/** Worst first: one gap makes the criterion a gap. */
const SEVERITY: readonly LinkedEvidenceStatus[] = ['gap', 'no_data', 'manual', 'met'];

function governanceLink(link: PlatformEvidenceLink, findings: GovernanceFindings | null) {
  if (!findings)
    return { status: 'no_data' as const, failing: [], message: 'No governance records for this CCG' };
  const failing = findings.errorRuleIds.filter((id) => link.ruleIds.includes(id));
  return failing.length
    ? {
        status: 'gap' as const,
        failing,
        message: `Governance on ${findings.asAt}: ${failing.join(', ')} not met`,
      }
    : {
        status: 'met' as const,
        failing,
        message: `Governance on ${findings.asAt}: no errors in ${link.ruleIds.join(', ')}`,
      };
}

function registryLink(link: PlatformEvidenceLink, registry: RegistryEvidence | null) {
  if (!registry) return { status: 'no_data' as const, failing: [], message: 'No registry data for this CCG' };
  if (link.check === 'commissioning_support') {
    return registry.supportingCsuCodes.length
      ? {
          status: 'met' as const,
          failing: [],
          message: `Supported by ${registry.supportingCsuCodes.join(', ')}`,
        }
      : {
          status: 'gap' as const,
          failing: [],
          message: `No commissioning support recorded on ${registry.asAt}`,
        };
  }
  const partners = [
    ...(registry.areaTeamCode ? [`area team ${registry.areaTeamCode}`] : []),
    ...registry.overlappingHwbCodes.map((code) => `HWB ${code}`),
  ];
  return registry.areaTeamCode && registry.overlappingHwbCodes.length
    ? {
        status: 'met' as const,
        failing: [],
        message: `Registry links on ${registry.asAt}: ${partners.join(', ')}`,
      }
    : {
        status: 'gap' as const,
        failing: [],
        message: `Registry on ${registry.asAt} lacks an area team or an HWB`,
      };
}

function linkResult(link: PlatformEvidenceLink, sources: EvidenceSources): LinkedEvidenceResult {
  const base = { module: link.module, check: link.check, coverage: link.coverage };
  if (!link.available) {
    return {
      ...base,
      status: 'manual',
      failingRuleIds: [],
      message: `Manual evidence until the ${link.module} module is built`,
    };
  }
  const r =
    link.module === 'governance'
      ? governanceLink(link, sources.governance)
      : link.module === 'organisations'
        ? registryLink(link, sources.registry)
        : {
            status: 'no_data' as const,
            failing: [],
            message: `Nothing is read from the ${link.module} module yet`,
          };
  return { ...base, status: r.status, failingRuleIds: r.failing, message: r.message };
}

/** The linked evidence of one criterion, and its overall status (the worst of its links). */
export function linkedEvidenceStatus(
  criterion: Pick<AuthorisationCriterion, 'id' | 'platformEvidence'>,
  sources: EvidenceSources,
): CriterionEvidenceStatus {
  const links = criterion.platformEvidence.map((link) => linkResult(link, sources));
  const status = SEVERITY.find((s) => links.some((l) => l.status === s)) ?? 'none';
  return { criterionId: criterion.id, status, links };
}
