import type { AreaUnit, Violation } from '../model.ts';

export const AREA_COVERAGE_LEGAL_REF =
  'NHS Act 2006 s14A(2)(a)–(b), inserted by HSCA 2012 s25 (CCG areas together cover England without overlap)';

/** The legal reference of each rule id this module emits (checked against the rule book in tests). */
export const AREA_COVERAGE_RULES = {
  'ORG-AREA-COVERAGE': AREA_COVERAGE_LEGAL_REF,
  'ORG-AREA-UNRESOLVED': AREA_COVERAGE_LEGAL_REF,
} as const;

interface UnresolvedGroup {
  readonly ccgCodes: readonly string[];
  readonly note: string;
  readonly unitCodes: string[];
}

/**
 * s14A(2): the CCG areas together cover England and do not overlap. Checks small areas (LSOAs) against
 * the CCGs that exist: gaps, overlaps, unknown CCG codes and CCGs with no area are errors. Units the
 * source assigns jointly to several CCGs (with a note) cannot be checked; they are reported once per
 * CCG group as a data limitation warning.
 */
export function checkAreaCoverage(units: readonly AreaUnit[], ccgCodes: readonly string[]): Violation[] {
  const known = new Set(ccgCodes);
  const withArea = new Set<string>();
  const unresolved = new Map<string, UnresolvedGroup>();
  const violations: Violation[] = [];
  const error = {
    ruleId: 'ORG-AREA-COVERAGE',
    legalRef: AREA_COVERAGE_LEGAL_REF,
    severity: 'error',
  } as const;

  for (const unit of units) {
    const codes = [...new Set(unit.ccgCodes)].sort();
    for (const code of codes) withArea.add(code);

    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length) {
      violations.push({
        ...error,
        subjectType: 'area',
        subjectCode: unit.code,
        message: `Small area ${unit.code} is assigned to unknown CCG code(s) ${unknown.join(', ')}`,
        detail: { reason: 'unknown_ccg', ccgCodes: unknown },
      });
    }

    const note = unit.note?.trim() || null;
    if (codes.length === 0) {
      violations.push({
        ...error,
        subjectType: 'area',
        subjectCode: unit.code,
        message: `Small area ${unit.code} is in no CCG's area (a gap in the coverage of England)`,
        detail: { reason: 'gap' },
      });
    } else if (codes.length > 1 && note === null) {
      violations.push({
        ...error,
        subjectType: 'area',
        subjectCode: unit.code,
        message: `Small area ${unit.code} is in the areas of ${codes.length} CCGs (${codes.join(', ')}); CCG areas must not overlap`,
        detail: { reason: 'overlap', ccgCodes: codes },
      });
    } else if (codes.length > 1 && note !== null) {
      const key = JSON.stringify([codes, note]);
      const group = unresolved.get(key) ?? { ccgCodes: codes, note, unitCodes: [] };
      group.unitCodes.push(unit.code);
      unresolved.set(key, group);
    }
  }

  for (const group of unresolved.values()) {
    const count = group.unitCodes.length;
    violations.push({
      ruleId: 'ORG-AREA-UNRESOLVED',
      legalRef: AREA_COVERAGE_LEGAL_REF,
      severity: 'warning',
      subjectType: 'area',
      subjectCode: group.ccgCodes.join('+'),
      message: `${count} small area${count === 1 ? ' is' : 's are'} assigned jointly to ${group.ccgCodes.join(', ')} (${group.note}); coverage and overlap cannot be checked for them`,
      detail: {
        reason: 'unresolved',
        unitCount: count,
        ccgCodes: group.ccgCodes,
        note: group.note,
        firstUnitCode: group.unitCodes[0],
      },
    });
  }

  for (const code of [...new Set(ccgCodes)]) {
    if (withArea.has(code)) continue;
    violations.push({
      ...error,
      subjectType: 'ccg',
      subjectCode: code,
      message: `CCG ${code} has no small area in its area`,
      detail: { reason: 'no_area' },
    });
  }
  return violations;
}
