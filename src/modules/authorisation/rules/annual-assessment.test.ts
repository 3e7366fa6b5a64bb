import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnnualAssessment, HwbResponseInput } from '../assurance-model.ts';
import {
  financialYearProblems,
  hwbResponseProblems,
  openingPlan,
  publicationProblems,
  publishedSummary,
} from './annual-assessment.ts';
import { loadDefinitions } from './test-fixtures.ts';

const { assurance } = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
const who = { kind: 'person' as const, id: 'x', name: 'X' };
const assessment: AnnualAssessment = {
  assessmentId: 'AA-00C-2013-14',
  ccgCode: '00C',
  financialYear: '2013-14',
  status: 'consulting',
  openedOn: '2014-04-07',
  consultationCloses: '2014-05-05',
  hwbCodes: ['E06000005', 'E06000047'],
  responses: [],
  rating: null,
  findings: [],
  summary: null,
  publishedOn: null,
  openedBy: who,
  publishedBy: null,
  synthetic: false,
};
const response = (hwbCode: string) => ({
  hwbCode,
  view: 'contributes',
  comments: 'c',
  respondedOn: '2014-04-20',
  respondedBy: who,
  recusals: null,
});

describe('financialYearProblems', () => {
  it.each([
    ['2013-14', []],
    ['2099-00', []],
    ['2013-15', ['financial_year']],
    ['2013/14', ['financial_year']],
    ['2012-13', ['financial_year']],
  ])('%s', (year, codes) => {
    expect(financialYearProblems(year).map((p) => p.code)).toEqual(codes);
  });
});

describe('openingPlan (s14Z16: consult each relevant HWB)', () => {
  it('closes the consultation after the parameter’s days', () => {
    expect(
      openingPlan({ financialYear: '2013-14', openedOn: '2014-04-07', hwbCodes: ['E06000005'] }, assurance),
    ).toEqual({
      consultationCloses: '2014-05-05',
      problems: [],
    });
  });
  it('refuses a CCG with no HWB in the registry, since there is none to consult', () => {
    const plan = openingPlan({ financialYear: '2013-14', openedOn: '2014-04-07', hwbCodes: [] }, assurance);
    expect(plan.problems.map((p) => p.code)).toEqual(['no_hwb']);
  });
});

describe('hwbResponseProblems', () => {
  const good: HwbResponseInput = {
    view: 'contributes_partly',
    comments: 'ok',
    respondedOn: '2014-04-20',
    meeting: null,
  };
  it.each<[string, Partial<AnnualAssessment>, string, Partial<HwbResponseInput>, string[]]>([
    ['a relevant HWB', {}, 'E06000005', {}, []],
    ['an HWB not consulted', {}, 'E08000001', {}, ['not_consulted']],
    ['after publication', { status: 'published' }, 'E06000005', {}, ['published']],
    ['a view not on the list', {}, 'E06000005', { view: 'splendid' }, ['unknown_view']],
    ['dated before the assessment opened', {}, 'E06000005', { respondedOn: '2014-04-01' }, ['invalid_date']],
    ['without the HWB’s own words', {}, 'E06000005', { comments: ' ' }, ['required']],
  ])('%s', (_case, a, hwb, input, codes) => {
    expect(
      hwbResponseProblems({ ...assessment, ...a }, hwb, { ...good, ...input }, assurance).map((p) => p.code),
    ).toEqual(codes);
  });
});

describe('publicationProblems', () => {
  const input = { publishedOn: '2014-05-01', rating: 'assured', summary: 'Assured', findings: [] };
  it.each<[string, Partial<AnnualAssessment>, Partial<typeof input>, string[]]>([
    ['every HWB has answered', { responses: [response('E06000005'), response('E06000047')] }, {}, []],
    [
      'one HWB is still to answer, consultation open',
      { responses: [response('E06000005')] },
      {},
      ['hwb_not_consulted'],
    ],
    [
      'one HWB did not answer by the close',
      { responses: [response('E06000005')] },
      { publishedOn: '2014-05-06' },
      [],
    ],
    [
      'an unknown rating and no summary',
      { responses: [response('E06000005'), response('E06000047')] },
      { rating: 'gold', summary: '' },
      ['unknown_rating', 'required'],
    ],
    [
      'already published',
      { status: 'published', responses: [response('E06000005'), response('E06000047')] },
      {},
      ['published'],
    ],
  ])('%s', (_case, a, change, codes) => {
    expect(
      publicationProblems({ ...assessment, ...a }, { ...input, ...change }, assurance).map((p) => p.code),
    ).toEqual(codes);
  });

  it('finds a finding for a duty the assessment does not cover', () => {
    const p = publicationProblems(
      { ...assessment, responses: [response('E06000005'), response('E06000047')] },
      { ...input, findings: [{ duty: 's999', finding: 'x' }] },
      assurance,
    );
    expect(p.map((x) => x.path)).toEqual(['findings.0.duty']);
  });
});

describe('publishedSummary', () => {
  it('shows each relevant HWB’s view, or that it gave none', () => {
    const s = publishedSummary(
      {
        ...assessment,
        status: 'published',
        rating: 'assured',
        summary: 'S',
        publishedOn: '2014-05-06',
        responses: [response('E06000005')],
      },
      { E06000005: 'Darlington', E06000047: 'County Durham' },
    );
    expect(s.hwbViews).toEqual([
      {
        hwbCode: 'E06000005',
        hwbName: 'Darlington',
        view: 'contributes',
        comments: 'c',
        respondedOn: '2014-04-20',
      },
      { hwbCode: 'E06000047', hwbName: 'County Durham', view: null, comments: null, respondedOn: null },
    ]);
  });
});
