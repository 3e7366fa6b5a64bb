import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type EvidenceDocumentInput,
  evidenceDocumentProblems,
  portfolioWarnings,
  selfCertificationProblems,
  submissionProblems,
} from './application-checks.ts';
import { loadDefinitions } from './test-fixtures.ts';

const defs = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
const criteria = defs.context.criteria;
const assessment = defs.assessment;
const switchedOff = (key: 'everyCriterionBeforeSubmission') => ({
  ...assessment,
  selfCertification: {
    ...assessment.selfCertification,
    [key]: { ...assessment.selfCertification[key], enabled: false },
  },
});

describe('selfCertificationProblems', () => {
  it.each<[string, { criterionId: string; status: string; statement: string }, string[]]>([
    ['a good one', { criterionId: '3.1.1C', status: 'met', statement: 'Plan balances' }, []],
    ['an unknown criterion', { criterionId: '7.1A', status: 'met', statement: 'x' }, ['unknown_criterion']],
    [
      'a status off the scale',
      { criterionId: '3.1.1C', status: 'mostly', statement: 'x' },
      ['unknown_status'],
    ],
    ['no statement', { criterionId: '3.1.1C', status: 'not_met', statement: '  ' }, ['statement_required']],
  ])('%s', (_case, input, codes) => {
    expect(selfCertificationProblems(input, criteria, assessment).map((p) => p.code)).toEqual(codes);
  });
});

const doc: EvidenceDocumentInput = {
  title: 'Constitution v3',
  documentType: 'constitution',
  documentDate: '2012-06-01',
  author: 'Board secretary',
  criterionIds: ['4.1A'],
  reference: 'dms://ccg/constitution-v3',
  committee: null,
};

describe('evidenceDocumentProblems', () => {
  it.each<[string, Partial<EvidenceDocumentInput>, string[]]>([
    ['a good one', {}, []],
    ['an unknown type', { documentType: 'poem' }, ['documentType']],
    ['an impossible date', { documentDate: '2012-02-30' }, ['documentDate']],
    ['no criteria', { criterionIds: [] }, ['criterionIds']],
    ['an unknown criterion', { criterionIds: ['4.1A', '9.9Z'] }, ['criterionIds.1']],
    [
      'no title, author or reference',
      { title: ' ', author: '', reference: '' },
      ['title', 'author', 'reference'],
    ],
    ['minutes without their committee', { documentType: 'minutes' }, ['committee']],
    ['minutes of a committee', { documentType: 'minutes', committee: 'Audit committee' }, []],
  ])('%s', (_case, change, paths) => {
    expect(evidenceDocumentProblems({ ...doc, ...change }, criteria, assessment).map((p) => p.path)).toEqual(
      paths,
    );
  });
});

describe('portfolioWarnings (wave 1 lessons learned)', () => {
  const docs = (n: number, type = 'case_study', committee: string | null = null) =>
    Array.from({ length: n }, () => ({ documentType: type, committee }));
  it.each<[string, { documentType: string; committee: string | null }[], string[]]>([
    ['30 documents', docs(30), []],
    ['31 documents', docs(31), ['too_many_documents']],
    ['3 sets of minutes of one committee', docs(3, 'minutes', 'Audit'), []],
    [
      '4 sets of minutes of one committee (names compared loosely)',
      [...docs(3, 'minutes', 'Audit'), ...docs(1, 'minutes', ' audit ')],
      ['too_many_minutes'],
    ],
    [
      '4 sets of minutes across two committees',
      [...docs(2, 'minutes', 'Audit'), ...docs(2, 'minutes', 'Quality')],
      [],
    ],
  ])('%s', (_case, documents, codes) => {
    expect(portfolioWarnings(documents, assessment).map((p) => p.code)).toEqual(codes);
  });
});

describe('submissionProblems', () => {
  it('names how many criteria are not self-certified, and the first of them', () => {
    const certified = criteria.slice(0, 100).map((c) => ({ criterionId: c.id }));
    const [p] = submissionProblems(certified, criteria, assessment);
    expect(p).toMatchObject({ code: 'self_certification_missing' });
    expect(p!.message).toMatch(/^19 of 119 criteria are not self-certified: /);
    expect(p!.message).toContain('and 7 more');
  });
  it('passes when every criterion is certified, or when the switch is off', () => {
    expect(
      submissionProblems(
        criteria.map((c) => ({ criterionId: c.id })),
        criteria,
        assessment,
      ),
    ).toEqual([]);
    expect(submissionProblems([], criteria, switchedOff('everyCriterionBeforeSubmission'))).toEqual([]);
  });
});
