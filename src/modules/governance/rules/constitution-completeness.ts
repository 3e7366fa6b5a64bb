import { checkCcgName } from '../../organisations/rules/ccg-name.ts';
import type { ConstitutionContent } from '../constitution-model.ts';
import type { GovernanceRuleBook, GovernanceViolation } from '../model.ts';
import { activeRule, type GovernanceRuleId } from './rule-book.ts';
import { violationOf } from './violation.ts';

export interface ConstitutionCheckInput {
  readonly ccgCode: string;
  /** The date the version takes effect: membership and rules are judged on it. */
  readonly effectiveFrom: string;
  readonly content: ConstitutionContent;
  /** The CCG's member practices in the registry on `effectiveFrom`. */
  readonly registryMembers: readonly string[];
}

/**
 * The completeness check (NHS Act 2006 Sch 1A): reports every required element that is missing or
 * wrong, so a CCG can fix a variation before it goes to the Board.
 */
export function checkConstitution(
  input: ConstitutionCheckInput,
  book: GovernanceRuleBook,
): GovernanceViolation[] {
  const out: GovernanceViolation[] = [];
  const subject = { type: 'ccg' as const, code: input.ccgCode };
  const c = input.content;
  const report = (id: GovernanceRuleId, message: string, detail: Record<string, unknown> = {}) => {
    const rule = activeRule(book, id, input.effectiveFrom);
    if (rule) out.push(violationOf(rule, subject, message, detail));
  };
  const blank = (text: string) => text.trim().length === 0;

  if (blank(c.name)) report('CON-NAME', 'The constitution does not give the CCG a name.');
  else {
    const naming = checkCcgName({ code: input.ccgCode, name: c.name.trim() }, []).filter(
      (v) => v.severity === 'error',
    );
    if (naming.length)
      report(
        'CON-NAME',
        `The name "${c.name}" is not a valid CCG name: ${naming.map((v) => v.message).join(' ')}`,
        { nameRules: naming.map((v) => v.ruleId) },
      );
  }

  const listed = new Set(c.members.map((m) => m.trim().toUpperCase()));
  const registry = new Set(input.registryMembers);
  const missing = [...registry].filter((m) => !listed.has(m)).sort();
  const extra = [...listed].filter((m) => !registry.has(m)).sort();
  if (listed.size === 0) report('CON-MEMBERS', 'The constitution names no member practices.');
  else if (missing.length || extra.length) {
    report(
      'CON-MEMBERS',
      [
        missing.length
          ? `${missing.length} member practice(s) on ${input.effectiveFrom} are not named (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})`
          : '',
        extra.length
          ? `${extra.length} named practice(s) are not members on that date (${extra.slice(0, 10).join(', ')}${extra.length > 10 ? ', …' : ''})`
          : '',
      ]
        .filter(Boolean)
        .join('; ') + '.',
      { missing, extra },
    );
  }
  if (blank(c.area)) report('CON-AREA', 'The constitution does not specify the CCG’s area.');

  const dm = c.decisionMaking;
  const gaps = [
    dm.schemeOfReservationAndDelegation.filter((s) => !blank(s)).length === 0
      ? 'a scheme of reservation and delegation'
      : null,
    dm.governingBodyQuorum === null ? 'the governing body’s quorum' : null,
    ...dm.committees.filter((k) => blank(k.name)).map(() => 'a committee’s name'),
  ].filter((g): g is string => g !== null);
  if (gaps.length)
    report('CON-DECISION-MAKING', `The decision-making arrangements lack ${gaps.join(', ')}.`, { gaps });
  if (blank(c.conflictsOfInterest))
    report('CON-CONFLICTS', 'The constitution makes no provision for managing conflicts of interest.');
  if (blank(c.transparency))
    report('CON-TRANSPARENCY', 'The constitution sets out no transparency arrangements about decisions.');
  if (blank(c.publicInvolvement))
    report('CON-PUBLIC-INVOLVEMENT', 'The constitution describes no public involvement arrangements.');
  return out;
}
