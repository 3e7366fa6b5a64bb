import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { DOMAIN_NUMBERS } from '../model.ts';
import {
  CRITERION_ID_PATTERN,
  criteriaVersion,
  criteriaVersionOn,
  DRAFT_CRITERIA_VERSION,
  GUIDE_CRITERIA_VERSION,
  loadCriteria,
} from './criteria.ts';
import { AUTHORISATION_NOTE_URL, CRITERIA_URL, GOVERNANCE_RULE_IDS } from './test-fixtures.ts';

type Json = Record<string, unknown>;
const fileJson = (): Json & { criteria: Json[]; versions: Json[] } =>
  JSON.parse(readFileSync(CRITERIA_URL, 'utf8'));
const definitions = loadCriteria(fileJson());
const draft = criteriaVersion(definitions, DRAFT_CRITERIA_VERSION);
const guide = criteriaVersion(definitions, GUIDE_CRITERIA_VERSION);

/** The 23 criteria AUTHORISATION.md §2 quotes, as `id → wording`, read from the note itself. */
function recoveredCriteria(): Map<string, string> {
  const note = readFileSync(AUTHORISATION_NOTE_URL, 'utf8');
  const rows = [...note.matchAll(/^\| ([1-6][0-9.]*[A-Z]) \| "(.*)" \| .* \|$/gm)];
  return new Map(rows.map((m) => [m[1]!, m[2]!]));
}

describe('definitions/authorisation/criteria.json', () => {
  it('has 118 criteria in the early draft and 119 in the guide', () => {
    expect(draft.criteria).toHaveLength(118);
    expect(draft.criteriaCount).toBe(118);
    expect(guide.criteria).toHaveLength(119);
    expect(guide.criteriaCount).toBe(119);
  });

  it('says which criterion the guide added, and that this is unconfirmed', () => {
    expect(guide.changesFromPrevious).toMatchObject({
      from: DRAFT_CRITERIA_VERSION,
      added: ['3.1.3E'],
      removed: [],
    });
    expect(guide.changesFromPrevious?.confidence).toBe('unconfirmed');
    expect(guide.changesFromPrevious?.source).toMatch(/UNCONFIRMED/);
    const draftIds = new Set(draft.criteria.map((c) => c.id));
    expect(guide.criteria.filter((c) => !draftIds.has(c.id)).map((c) => c.id)).toEqual(['3.1.3E']);
    const added = guide.criteria.find((c) => c.id === '3.1.3E');
    expect(added?.provenance).toBe('reconstructed');
    expect(added?.provenance === 'reconstructed' && added.reasoning).toMatch(/UNCONFIRMED/);
  });

  it('the guide holds the 23 real criteria and 96 reconstructed ones', () => {
    const count = (p: string) => guide.criteria.filter((c) => c.provenance === p).length;
    expect(count('real')).toBe(23);
    expect(count('reconstructed')).toBe(96);
    expect(draft.criteria.filter((c) => c.provenance === 'real')).toHaveLength(23);
  });

  it('quotes every real criterion exactly as AUTHORISATION.md does, with its source', () => {
    const recovered = recoveredCriteria();
    expect(recovered.size).toBe(23);
    const real = guide.criteria.filter((c) => c.provenance === 'real');
    expect(new Map(real.map((c) => [c.id, c.wording]))).toEqual(recovered);
    for (const c of real) expect(c.source).toMatch(/^AUTHORISATION\.md §2: CONFIRMED/);
    expect(real.filter((c) => c.truncated).map((c) => c.id)).toEqual(['5.1A']);
  });

  it('marks every reconstructed criterion with its reasoning and says it is not the official text', () => {
    for (const c of guide.criteria) {
      if (c.provenance !== 'reconstructed') continue;
      expect(c.reasoning).toMatch(/^Numbering: /);
      expect(c.disclaimer).toMatch(/not the official wording/);
    }
  });

  it('has unique, well-formed ids whose number gives the domain and sub-domain', () => {
    const ids = guide.criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(119);
    for (const c of guide.criteria) {
      expect(c.id).toMatch(CRITERION_ID_PATTERN);
      expect(c.id.startsWith(`${c.domain}.`)).toBe(true);
      expect(`${c.subDomain}${c.id.slice(-1)}`).toBe(c.id);
    }
  });

  it('covers every domain in both versions, with the real domain titles', () => {
    for (const version of [draft, guide]) {
      expect(new Set(version.criteria.map((c) => c.domain))).toEqual(new Set(DOMAIN_NUMBERS));
    }
    expect(DOMAIN_NUMBERS.map((d) => guide.criteria.filter((c) => c.domain === d).length)).toEqual([
      16, 14, 20, 34, 17, 18,
    ]);
    expect(definitions.domains.map((d) => d.wordingConfidence)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'unconfirmed',
      'unconfirmed',
    ]);
    expect(definitions.domains[0]?.title).toBe(
      'A strong clinical and multi-professional focus which brings real added value.',
    );
  });

  it('links platform evidence where the platform has it, and names the module still to come elsewhere', () => {
    const links = guide.criteria.flatMap((c) =>
      c.platformEvidence.map((l) => ({ ...l, domain: c.domain, id: c.id })),
    );
    const has = (module: string, check: string, domain: number) =>
      links.some((l) => l.module === module && l.check === check && l.domain === domain);
    expect(has('governance', 'governing_body_compliance', 4)).toBe(true);
    expect(has('governance', 'constitution_completeness', 4)).toBe(true);
    expect(has('involvement', 'ppi_arrangements', 2)).toBe(true);
    expect(has('planning', 'plans_vs_jhws', 3)).toBe(true);
    expect(has('organisations', 'commissioning_support', 5)).toBe(true);
    expect(has('organisations', 'collaborative_arrangements', 5)).toBe(true);
    for (const l of links) {
      expect(l.available).toBe(l.module === 'governance' || l.module === 'organisations');
      if (!l.available) expect(l.note).toContain(`The ${l.module} module does not exist yet`);
    }
    // 1.3B (nurse and secondary care doctor) is checked by the governing body rules.
    expect(guide.criteria.find((c) => c.id === '1.3B')?.platformEvidence[0]?.ruleIds).toEqual([
      'GB-NURSE',
      'GB-NURSE-INDEPENDENT',
      'GB-SECONDARY-CARE-DOCTOR',
      'GB-SECONDARY-CARE-INDEPENDENT',
    ]);
  });

  it('cites only governance rule ids the governance rule book defines', () => {
    const known = new Set<string>(GOVERNANCE_RULE_IDS);
    const cited = guide.criteria.flatMap((c) => c.platformEvidence.flatMap((l) => l.ruleIds));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => !known.has(id))).toEqual([]);
  });

  it.each([
    ['2012-03-01', DRAFT_CRITERIA_VERSION],
    ['2012-04-12', DRAFT_CRITERIA_VERSION],
    ['2012-04-13', GUIDE_CRITERIA_VERSION],
    ['2013-04-01', GUIDE_CRITERIA_VERSION],
    ['2012-02-29', null],
  ])('on %s the version in force is %s', (date, version) => {
    expect(criteriaVersionOn(definitions, date)?.version ?? null).toBe(version);
  });

  it('an unknown version is a programming error naming the known ones', () => {
    expect(() => criteriaVersion(definitions, 'final-2012-07')).toThrow(/draft-2012-03, guide-2012-04/);
  });
});

describe('loadCriteria rejects invalid files and lists every problem with its path', () => {
  const valid = fileJson();
  const at = (id: string) => valid.criteria.findIndex((c) => c.id === id);
  const withCriterion = (id: string, patch: Json) => ({
    ...valid,
    criteria: valid.criteria.map((c) => (c.id === id ? { ...c, ...patch } : c)),
  });
  const withVersion = (index: number, patch: Json) => ({
    ...valid,
    versions: valid.versions.map((v, i) => (i === index ? { ...v, ...patch } : v)),
  });
  const problemsOf = (json: unknown): string[] => {
    try {
      loadCriteria(json);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('validation');
      return (error as AppError).problems.map((p) => `${p.path}: ${p.code}`).sort();
    }
    throw new Error('expected the criteria to be rejected');
  };
  const guideIds = valid.versions[1]!.criterionIds as string[];

  it.each<[string, unknown, string[]]>([
    ['not an object', [], ['(root): invalid_criteria']],
    [
      'an unknown evidence type',
      withCriterion('1.1A', { acceptedEvidence: ['fax'] }),
      [`criteria.${at('1.1A')}.acceptedEvidence.0: invalid_criteria`],
    ],
    [
      'an id in the wrong format',
      withCriterion('1.1A', { id: '1.1.1' }),
      [
        `criteria.${at('1.1A')}.id: bad_id`,
        'criteria.0.id: unused_criterion',
        'versions.0.criterionIds.0: unknown_criterion',
        'versions.1.criterionIds.0: unknown_criterion',
      ],
    ],
    [
      'a domain other than the id says',
      withCriterion('1.3B', { domain: 2 }),
      [`criteria.${at('1.3B')}.domain: bad_domain`],
    ],
    [
      'a sub-domain other than the id says',
      withCriterion('1.3B', { subDomain: '1.4' }),
      [`criteria.${at('1.3B')}.subDomain: bad_sub_domain`],
    ],
    [
      'platform evidence without accepting platform_link',
      withCriterion('1.3B', { acceptedEvidence: ['document'] }),
      [`criteria.${at('1.3B')}.acceptedEvidence: platform_link_mismatch`],
    ],
    [
      'a check the module does not have',
      withCriterion('1.3B', {
        platformEvidence: [
          { ...(valid.criteria[at('1.3B')]!.platformEvidence as Json[])[0], module: 'organisations' },
        ],
      }),
      [`criteria.${at('1.3B')}.platformEvidence.0.check: unknown_check`],
    ],
    [
      'a reconstructed criterion passed off as official',
      withCriterion('1.1A', { disclaimer: 'Reconstructed.' }),
      [`criteria.${at('1.1A')}.disclaimer: invalid_criteria`],
    ],
    [
      'a real criterion without a source',
      withCriterion('1.3B', { source: '' }),
      [`criteria.${at('1.3B')}.source: invalid_criteria`],
    ],
    [
      'a duplicate id',
      { ...valid, criteria: [...valid.criteria, valid.criteria[0]] },
      [`criteria.${valid.criteria.length}.id: duplicate_criterion`],
    ],
    [
      'a count that does not match the list',
      withVersion(0, { criteriaCount: 119 }),
      ['versions.0.criteriaCount: count_mismatch'],
    ],
    [
      'declared changes that are not the real ones',
      withVersion(1, {
        changesFromPrevious: { ...(valid.versions[1]!.changesFromPrevious as Json), added: ['1.1A'] },
      }),
      ['versions.1.changesFromPrevious.added: changes_mismatch'],
    ],
    [
      'a version without a domain',
      withVersion(1, {
        criterionIds: guideIds.filter((id) => !id.startsWith('6.')),
        criteriaCount: guideIds.filter((id) => !id.startsWith('6.')).length,
        changesFromPrevious: {
          ...(valid.versions[1]!.changesFromPrevious as Json),
          removed: guideIds.filter((id) => id.startsWith('6.')),
        },
      }),
      ['versions.1.criterionIds: missing_domain'],
    ],
    [
      'overlapping versions',
      withVersion(0, { effective_to: '2012-05-01' }),
      ['versions.1.effective_from: overlapping_versions'],
    ],
    [
      'several problems in several criteria at once, structural and not',
      {
        ...valid,
        criteria: withCriterion('1.1A', { wording: '' }).criteria.map((c) =>
          c.id === '1.3B' ? { ...c, domain: 2 } : c,
        ),
      },
      [`criteria.${at('1.1A')}.wording: invalid_criteria`, `criteria.${at('1.3B')}.domain: bad_domain`],
    ],
    ['an impossible review date', { ...valid, reviewed_on: '2026-02-30' }, ['reviewed_on: invalid_criteria']],
  ])('%s', (_case, json, expected) => {
    expect(problemsOf(json)).toEqual([...expected].sort());
  });
});
