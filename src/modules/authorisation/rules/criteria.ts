/**
 * The authorisation criteria as versioned data (definitions/authorisation/criteria.json): schema and
 * loader. Loads nothing itself: a caller reads the file and passes the parsed JSON to `loadCriteria`,
 * which reports every problem at once, each with its path.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import {
  type AuthorisationCriterion,
  type CriteriaDefinitions,
  type CriteriaVersion,
  DOMAIN_NUMBERS,
  EVIDENCE_TYPES,
  PLATFORM_CHECKS,
  type PlatformCheck,
  type PlatformModule,
} from '../model.ts';
import {
  metadataShape,
  periodProblems,
  text,
  toProblems,
  unconfirmedNoteProblems,
} from './definition-schema.ts';

/** The early draft (118 requirements, March 2012) and the guide for applicants (119, April 2012 on). */
export const DRAFT_CRITERIA_VERSION = 'draft-2012-03';
export const GUIDE_CRITERIA_VERSION = 'guide-2012-04';

/** A sub-domain or sub-sub-domain number and a capital letter: `1.3B`, `3.1.1C`, `6.4G`. */
export const CRITERION_ID_PATTERN = /^([1-6])\.(\d+)(?:\.(\d+))?([A-Z])$/;

const CODE = 'invalid_criteria';
const domain = z.literal(DOMAIN_NUMBERS);
const modules = Object.keys(PLATFORM_CHECKS) as [PlatformModule, ...PlatformModule[]];

const platformLink = z.strictObject({
  module: z.enum(modules),
  check: z.enum(Object.values(PLATFORM_CHECKS).flat() as [PlatformCheck, ...PlatformCheck[]]),
  available: z.boolean(),
  coverage: z.enum(['full', 'partial']),
  ruleIds: z.array(text),
  note: text,
});

const criterionBase = {
  id: text,
  domain,
  subDomain: text,
  wording: text,
  acceptedEvidence: z.array(z.enum(EVIDENCE_TYPES)).min(1, 'must accept at least one evidence type'),
  platformEvidence: z.array(platformLink),
};

const criterionSchema = z.discriminatedUnion('provenance', [
  z.strictObject({ ...criterionBase, provenance: z.literal('real'), source: text, truncated: z.boolean() }),
  z.strictObject({
    ...criterionBase,
    provenance: z.literal('reconstructed'),
    reasoning: text,
    disclaimer: text.refine(
      (d) => /not the official/i.test(d),
      'must say the wording is not the official text',
    ),
    basedOnText: z.strictObject({ text, source: text }).nullable(),
  }),
]);

const versionSchema = z.strictObject({
  version: text,
  title: text,
  source: text,
  effective_from: metadataShape.effective_from,
  effective_to: metadataShape.effective_to,
  criteriaCount: z.number().int().min(1),
  changesFromPrevious: z
    .strictObject({
      from: text,
      added: z.array(text),
      removed: z.array(text),
      confidence: z.enum(['confirmed', 'unconfirmed']),
      source: text,
    })
    .nullable(),
  criterionIds: z.array(text),
});

export const criteriaFileSchema = z.strictObject({
  ...metadataShape,
  idFormat: text,
  evidenceTypes: z.array(z.strictObject({ type: z.enum(EVIDENCE_TYPES), description: text, source: text })),
  domains: z.array(
    z.strictObject({
      domain,
      title: text,
      shortTitle: text,
      wordingConfidence: z.enum(['confirmed', 'unconfirmed']),
      source: text,
    }),
  ),
  versions: z.array(versionSchema).min(1),
  criteria: z.array(z.unknown()),
});
type CriteriaFile = z.infer<typeof criteriaFileSchema>;

function criterionProblems(c: AuthorisationCriterion, path: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string, code: string) =>
    problems.push({ path: `${path}.${field}`, message, code });
  const m = CRITERION_ID_PATTERN.exec(c.id);
  if (!m) {
    add('id', `"${c.id}" is not a sub-domain number followed by a capital letter (e.g. 3.1.1C)`, 'bad_id');
  } else {
    if (Number(m[1]) !== c.domain)
      add('domain', `${c.id} is in domain ${m[1]}, not ${c.domain}`, 'bad_domain');
    if (c.subDomain !== c.id.slice(0, -1)) {
      add('subDomain', `${c.id} is in sub-domain ${c.id.slice(0, -1)}, not ${c.subDomain}`, 'bad_sub_domain');
    }
  }
  if (new Set(c.acceptedEvidence).size !== c.acceptedEvidence.length) {
    add('acceptedEvidence', 'lists an evidence type twice', 'duplicate_evidence_type');
  }
  const linked = c.platformEvidence.length > 0;
  if (linked !== c.acceptedEvidence.includes('platform_link')) {
    add(
      'acceptedEvidence',
      linked
        ? 'has platform evidence but does not accept platform_link'
        : 'accepts platform_link but has no platform evidence',
      'platform_link_mismatch',
    );
  }
  c.platformEvidence.forEach((link, i) => {
    const checks: readonly string[] = PLATFORM_CHECKS[link.module];
    if (!checks.includes(link.check)) {
      problems.push({
        path: `${path}.platformEvidence.${i}.check`,
        message: `the ${link.module} module has no check "${link.check}" (it has ${checks.join(', ')})`,
        code: 'unknown_check',
      });
    }
  });
  return problems;
}

/** `present`: the ids of every entry, including malformed ones (reported on their own, not as unknown). */
function versionProblems(
  file: CriteriaFile,
  byId: Map<string, AuthorisationCriterion>,
  present: Set<unknown>,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  file.versions.forEach((v, index) => {
    const path = `versions.${index}`;
    if (seen.has(v.version)) {
      problems.push({
        path: `${path}.version`,
        message: `duplicate version "${v.version}"`,
        code: 'duplicate_version',
      });
    }
    seen.add(v.version);
    problems.push(...periodProblems(v.effective_from, v.effective_to, path));
    const ids = new Set(v.criterionIds);
    if (ids.size !== v.criterionIds.length) {
      problems.push({
        path: `${path}.criterionIds`,
        message: 'lists a criterion twice',
        code: 'duplicate_criterion',
      });
    }
    if (v.criteriaCount !== v.criterionIds.length) {
      problems.push({
        path: `${path}.criteriaCount`,
        message: `says ${v.criteriaCount} criteria but lists ${v.criterionIds.length}`,
        code: 'count_mismatch',
      });
    }
    v.criterionIds.forEach((id, i) => {
      if (!present.has(id)) {
        problems.push({
          path: `${path}.criterionIds.${i}`,
          message: `no criterion "${id}"`,
          code: 'unknown_criterion',
        });
      }
    });
    const domains = new Set(v.criterionIds.map((id) => byId.get(id)?.domain));
    const absent = DOMAIN_NUMBERS.filter((d) => !domains.has(d));
    if (absent.length) {
      problems.push({
        path: `${path}.criterionIds`,
        message: `has no criteria in domain ${absent.join(', ')}`,
        code: 'missing_domain',
      });
    }
    problems.push(...changeProblems(file, index, ids, path));
  });
  return problems;
}

/** The declared difference from the previous version must be the actual one. */
function changeProblems(file: CriteriaFile, index: number, ids: Set<string>, path: string): Problem[] {
  const v = file.versions[index]!;
  const previous = file.versions[index - 1];
  const changes = v.changesFromPrevious;
  if (!previous || !changes) {
    return previous || changes
      ? [
          {
            path: `${path}.changesFromPrevious`,
            message: previous
              ? 'must say how it differs from the previous version'
              : 'the first version has no previous one',
            code: 'changes_mismatch',
          },
        ]
      : [];
  }
  const problems: Problem[] = [];
  if (changes.from !== previous.version) {
    problems.push({
      path: `${path}.changesFromPrevious.from`,
      message: `must name the previous version "${previous.version}"`,
      code: 'changes_mismatch',
    });
  }
  if (previous.effective_to === null || previous.effective_to >= v.effective_from) {
    problems.push({
      path: `${path}.effective_from`,
      message: `must start after the previous version ends (${previous.effective_to ?? 'open'})`,
      code: 'overlapping_versions',
    });
  }
  const before = new Set(previous.criterionIds);
  const actual = {
    added: [...ids].filter((id) => !before.has(id)).sort(),
    removed: [...before].filter((id) => !ids.has(id)).sort(),
  };
  for (const key of ['added', 'removed'] as const) {
    const declared = [...changes[key]].sort();
    if (declared.join() !== actual[key].join()) {
      problems.push({
        path: `${path}.changesFromPrevious.${key}`,
        message: `declares [${declared.join(', ')}] but the versions differ by [${actual[key].join(', ')}]`,
        code: 'changes_mismatch',
      });
    }
  }
  problems.push(
    ...unconfirmedNoteProblems(changes.confidence, changes.source, `${path}.changesFromPrevious.source`),
  );
  return problems;
}

/**
 * Validates the parsed criteria file and returns it with each version resolved to its criteria.
 * Reports every problem (structure, ids, domains, evidence, versions and their declared changes) in
 * one `AppError.validation`.
 */
export function loadCriteria(json: unknown): CriteriaDefinitions {
  const parsed = criteriaFileSchema.safeParse(json);
  if (!parsed.success)
    throw AppError.validation(toProblems(parsed.error, '', CODE), 'Invalid criteria definitions');
  const file = parsed.data;
  const problems: Problem[] = [...periodProblems(file.effective_from, file.effective_to, '')];
  const byId = new Map<string, AuthorisationCriterion>();
  const criteria: AuthorisationCriterion[] = [];
  const indexOf = new Map<AuthorisationCriterion, number>();
  // Each criterion on its own, so one malformed entry does not hide the problems of the others.
  file.criteria.forEach((raw, i) => {
    const one = criterionSchema.safeParse(raw);
    if (!one.success) {
      problems.push(...toProblems(one.error, `criteria.${i}`, CODE));
      return;
    }
    const c = one.data;
    criteria.push(c);
    indexOf.set(c, i);
    if (byId.has(c.id)) {
      problems.push({
        path: `criteria.${i}.id`,
        message: `duplicate criterion id "${c.id}"`,
        code: 'duplicate_criterion',
      });
    }
    byId.set(c.id, c);
    problems.push(...criterionProblems(c, `criteria.${i}`));
  });
  const domainCounts = DOMAIN_NUMBERS.map((d) => file.domains.filter((x) => x.domain === d).length);
  DOMAIN_NUMBERS.forEach((d, i) => {
    if (domainCounts[i] !== 1) {
      problems.push({
        path: 'domains',
        message: `domain ${d} is defined ${domainCounts[i]} times`,
        code: 'bad_domains',
      });
    }
  });
  file.domains.forEach((d, i) => {
    problems.push(...unconfirmedNoteProblems(d.wordingConfidence, d.source, `domains.${i}.source`));
  });
  const present = new Set(file.criteria.map((raw) => (raw as { id?: unknown } | null)?.id));
  problems.push(...versionProblems(file, byId, present));
  const inSomeVersion = new Set(file.versions.flatMap((v) => v.criterionIds));
  criteria.forEach((c) => {
    if (!inSomeVersion.has(c.id)) {
      problems.push({
        path: `criteria.${indexOf.get(c)}.id`,
        message: `${c.id} is in no version`,
        code: 'unused_criterion',
      });
    }
  });
  if (problems.length) throw AppError.validation(problems, 'Invalid criteria definitions');
  const versions: CriteriaVersion[] = file.versions.map((v) => {
    const ids = new Set(v.criterionIds);
    return { ...v, criteria: criteria.filter((c) => ids.has(c.id)) };
  });
  return { ...file, criteria, versions };
}

/** One version of the criteria; an unknown version is a programming error. */
export function criteriaVersion(definitions: CriteriaDefinitions, version: string): CriteriaVersion {
  const found = definitions.versions.find((v) => v.version === version);
  if (!found) {
    const known = definitions.versions.map((v) => v.version).join(', ');
    throw new AppError('internal', `No criteria version "${version}" (known: ${known})`);
  }
  return found;
}

/** The version in force on a date, or `null` before the first. */
export function criteriaVersionOn(definitions: CriteriaDefinitions, date: string): CriteriaVersion | null {
  return (
    definitions.versions.find(
      (v) => v.effective_from <= date && (v.effective_to === null || date <= v.effective_to),
    ) ?? null
  );
}
