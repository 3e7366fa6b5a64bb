import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import {
  AS_AT,
  compliantBody,
  office,
  patchAttributes,
  RULE_BOOK_URL,
  withOffices,
  withPerson,
} from '../test-fixtures.ts';
import { checkGoverningBody } from './check.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));

describe('checkGoverningBody', () => {
  it('finds nothing wrong with a compliant governing body', () => {
    expect(checkGoverningBody(compliantBody(), AS_AT, book)).toEqual([]);
  });

  it('returns every violation from every rule, not just the first', () => {
    const input = withPerson(
      withPerson(withPerson(compliantBody(), 'nurse', null), 'doctor', null),
      'audit',
      (p) =>
        withOffices(
          office({ organisationKind: 'monitor' }),
          office({ organisationKind: 'parliament', role: 'member' }),
        )(patchAttributes({ financeAndAuditExpertise: false })(p)),
    );
    expect(checkGoverningBody(input, AS_AT, book).map((v) => v.ruleId)).toEqual([
      'GB-NURSE',
      'GB-SECONDARY-CARE-DOCTOR',
      'GB-LAY-AUDIT',
      'GB-LAY-SCH4-EXCLUSION',
      'GB-SCH5-DISQUALIFICATION',
    ]);
  });

  it('every violation carries a rule id, a legal reference and a subject', () => {
    const input = withPerson(compliantBody(), 'nurse', null);
    for (const violation of checkGoverningBody(input, AS_AT, book)) {
      expect(violation.ruleId).toMatch(/^GB-/);
      expect(violation.legalRef).toMatch(/SI 2012\/1631|NHS Act 2006/);
      expect(violation.subjectCode.length).toBeGreaterThan(0);
    }
  });

  it('before the regulations were in force no rule applies', () => {
    expect(checkGoverningBody({ ...compliantBody(), people: [] }, '2012-09-30', book)).toEqual([]);
  });

  it('an empty governing body breaks every composition rule at once', () => {
    expect(checkGoverningBody({ ...compliantBody(), people: [] }, AS_AT, book).map((v) => v.ruleId)).toEqual([
      'GB-MIN-SIZE',
      'GB-ACCOUNTABLE-OFFICER',
      'GB-CFO',
      'GB-NURSE',
      'GB-SECONDARY-CARE-DOCTOR',
      'GB-LAY-AUDIT',
      'GB-LAY-PPI',
      'GB-CHAIR',
      'GB-DEPUTY-CHAIR',
    ]);
  });

  it('rejects an as-at date it cannot read', () => {
    expect(() => checkGoverningBody(compliantBody(), '30/06/2013', book)).toThrow(/YYYY-MM-DD/);
  });
});
