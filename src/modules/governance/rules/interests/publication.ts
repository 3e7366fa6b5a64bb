/**
 * Publication and retention of register entries. Both periods are parameters of unconfirmed rules
 * (they are confirmed only as 2016/2017-era requirements); switched off, an entry is public only while
 * current and no disposal date is set.
 */
import type { GovernanceRuleBook, InterestDeclaration } from '../../model.ts';
import { addMonths, addYears, inPeriod } from '../dates.ts';
import { activeRule, numberParameter, ruleAppliesOn, ruleDefinition } from '../rule-book.ts';

/**
 * Whether the entry is on the public register on `asAt`: declared by then, and current, or ended no
 * more than `monthsAfterEnd` months before (s14O(2) publication; the period from ROI-PUBLIC-VISIBILITY).
 */
export function isPubliclyVisible(
  declaration: InterestDeclaration,
  asAt: string,
  book: GovernanceRuleBook,
): boolean {
  if (declaration.declaredOn > asAt) return false;
  const rule = activeRule(book, 'ROI-PUBLIC-VISIBILITY', asAt);
  const months = rule ? numberParameter(rule, 'monthsAfterEnd') : 0;
  const visibleUntil = declaration.endDate === null ? null : addMonths(declaration.endDate, months);
  return inPeriod(asAt, declaration.startDate, visibleUntil);
}

/**
 * The last day the entry must be kept: `yearsAfterEnd` years after the interest ends (ROI-RETENTION,
 * as in effect on the end date). `null` when no date can be set yet: the interest is still current,
 * or the retention rule is switched off or not in effect.
 */
export function retentionUntil(declaration: InterestDeclaration, book: GovernanceRuleBook): string | null {
  if (declaration.endDate === null) return null;
  const rule = ruleDefinition(book, 'ROI-RETENTION');
  if (!ruleAppliesOn(rule, declaration.endDate)) return null;
  return addYears(declaration.endDate, numberParameter(rule, 'yearsAfterEnd'));
}
