import type { Severity, Violation } from '../model.ts';

/**
 * Legal reference of each name rule. Regulation headings (SI 2012/1631 as made): reg 3 basic
 * requirements as to CCG names; reg 4 the NHS element; reg 5 the geographical reference element;
 * reg 6 the Clinical Commissioning Group element.
 */
export const CCG_NAME_RULES = {
  'ORG-CCG-NAME-PREFIX': 'CCG Regs 2012 (SI 2012/1631) regs 3–4 (the name begins with the NHS element)',
  'ORG-CCG-NAME-SUFFIX':
    'CCG Regs 2012 (SI 2012/1631) regs 3 and 6 (the name ends with the Clinical Commissioning Group element)',
  'ORG-CCG-NAME-GEOGRAPHY':
    'CCG Regs 2012 (SI 2012/1631) regs 3 and 5 (the name contains a geographical reference element)',
  'ORG-CCG-NAME-GEOGRAPHY-UNMATCHED':
    'CCG Regs 2012 (SI 2012/1631) reg 5 (the geographical reference fairly and accurately represents the area)',
} as const;
type CcgNameRuleId = keyof typeof CCG_NAME_RULES;

const SUFFIX = 'Clinical Commissioning Group';

/** Words that are allowed in the geographical reference but are not, on their own, a place. */
const COMPASS_POINTS = new Set([
  'north',
  'south',
  'east',
  'west',
  'central',
  'mid',
  'northern',
  'southern',
  'eastern',
  'western',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
]);
const CONNECTIVES = new Set(['and', 'of', 'the']);

/** Lower-case words; punctuation (including "&", commas and hyphens) separates words and is dropped. */
function words(text: string): string[] {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

const isPlaceWord = (word: string): boolean => !COMPASS_POINTS.has(word) && !CONNECTIVES.has(word);

/**
 * Checks a CCG's name against the naming regulations: it begins "NHS", ends "Clinical Commissioning
 * Group", and between them has a geographical reference that is more than compass points and
 * connectives. Where the local authorities in the CCG's area are known, warns if the reference shares
 * no word with any of them (the test of fair representation needs a person; this only prompts one).
 */
export function checkCcgName(
  ccg: { code: string; name: string },
  areaPlaceNames: readonly string[],
): Violation[] {
  const name = ccg.name.trim().replace(/\s+/g, ' ');
  const middle = name
    .replace(/^nhs\b/i, '')
    .replace(/\b(clinical commissioning group|ccg)$/i, '')
    .trim();
  const suggestedName = middle ? `NHS ${middle} ${SUFFIX}` : null;
  const violations: Violation[] = [];
  const add = (
    ruleId: CcgNameRuleId,
    message: string,
    detail: Record<string, unknown>,
    severity: Severity = 'error',
  ) =>
    violations.push({
      ruleId,
      legalRef: CCG_NAME_RULES[ruleId],
      severity,
      subjectType: 'ccg',
      subjectCode: ccg.code,
      message: `"${name}": ${message}`,
      detail,
    });

  if (!/^NHS( |$)/.test(name)) {
    add('ORG-CCG-NAME-PREFIX', 'a CCG name must begin "NHS"', { reason: 'missing_prefix', suggestedName });
  }

  if (!(name === SUFFIX || name.endsWith(` ${SUFFIX}`))) {
    const abbreviated = /\bCCG$/i.test(name);
    add(
      'ORG-CCG-NAME-SUFFIX',
      abbreviated
        ? `the abbreviation "CCG" is not the statutory name, which must end "${SUFFIX}"${suggestedName ? ` (e.g. "${suggestedName}")` : ''}`
        : `a CCG name must end "${SUFFIX}"`,
      { reason: abbreviated ? 'abbreviated' : 'missing_suffix', suggestedName },
    );
  }

  const all = words(middle);
  const placeWords = all.filter(isPlaceWord);
  if (placeWords.length === 0) {
    const reason = all.length === 0 ? 'empty' : 'compass_only';
    add(
      'ORG-CCG-NAME-GEOGRAPHY',
      reason === 'empty'
        ? 'the name has no geographical reference between "NHS" and "Clinical Commissioning Group"'
        : `the geographical reference "${middle}" is only compass points and connectives; it must name a place`,
      { reason, geographicalReference: middle },
    );
    return violations;
  }

  if (areaPlaceNames.length > 0) {
    const areaWords = new Set(areaPlaceNames.flatMap(words).filter(isPlaceWord));
    if (!placeWords.some((w) => areaWords.has(w))) {
      add(
        'ORG-CCG-NAME-GEOGRAPHY-UNMATCHED',
        `geographical reference "${middle}" not matched to a local authority in the CCG's area (${areaPlaceNames.join(', ')}); check it fairly represents the area (reg 5)`,
        { geographicalReference: middle, areaPlaceNames: [...areaPlaceNames] },
        'warning',
      );
    }
  }
  return violations;
}
