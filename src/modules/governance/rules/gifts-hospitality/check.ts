/**
 * The gifts and hospitality register check: for each entry offered by `asAt`, which threshold
 * version applies (chosen by the entry's date), whether it had to be declared or declined, and
 * violations where an accepted entry was prohibited or is undeclared. Findings under an unconfirmed
 * table version are warnings.
 */
import type {
  GiftHospitalityAssessment,
  GiftHospitalityEntry,
  GiftHospitalityTable,
  GiftHospitalityTableVersion,
  GovernanceRuleDefinition,
  GovernanceViolation,
} from '../../model.ts';
import { addMonths, isIsoDate } from '../dates.ts';
import { entityKey } from '../entities.ts';
import { violationOf } from '../violation.ts';
import { decideEntry, pounds } from './assess.ts';
import { thresholdVersionOn } from './thresholds-table.ts';

/**
 * The table version seen as a rule definition, so its violations carry its legal reference; its
 * confidence sets the severity.
 */
function asRule(id: string, version: GiftHospitalityTableVersion): GovernanceRuleDefinition {
  return {
    id,
    title: version.title,
    legalRef: `${version.legalRef} [thresholds version ${version.version}]`,
    source: version.source,
    confidence: version.confidence,
    enabled: version.enabled,
    severity: version.confidence === 'confirmed' ? 'error' : 'warning',
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
    reviewedOn: version.reviewedOn,
    parameters: {},
  };
}

const NO_VERSION: GovernanceRuleDefinition = {
  id: 'GH-NO-THRESHOLDS',
  title: 'No threshold version covers the entry’s date (or the date cannot be read)',
  legalRef: 'NHS Act 2006 s14O(5)–(6) (regard to NHS CB / NHS England conflicts of interest guidance)',
  source: 'definitions/governance/gifts-hospitality-thresholds.json has no enabled version on this date',
  confidence: 'confirmed',
  enabled: true,
  severity: 'warning',
  effectiveFrom: '2013-03-28',
  effectiveTo: null,
  reviewedOn: '2026-11-22',
  parameters: {},
};

/** Same donor: the same resolved entity, or (with none) exactly the same name, case and spacing aside. */
function donorKey(entry: GiftHospitalityEntry): string {
  const key = entry.donor.entity ? entityKey(entry.donor.entity) : null;
  return key ?? `name:${entry.donor.name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** This gift plus accepted gifts from the same donor to the same person in the `months` before it. */
function cumulativeValue(
  entry: GiftHospitalityEntry,
  entries: readonly GiftHospitalityEntry[],
  months: number | null,
): number {
  if (months === null) return entry.valuePence;
  const from = addMonths(entry.offeredOn, -months);
  const key = donorKey(entry);
  const earlier = entries.filter(
    (e) =>
      e !== entry &&
      e.kind === 'gift' &&
      e.accepted &&
      e.personId === entry.personId &&
      donorKey(e) === key &&
      from < e.offeredOn &&
      (e.offeredOn < entry.offeredOn || (e.offeredOn === entry.offeredOn && e.entryId < entry.entryId)),
  );
  return earlier.reduce((sum, e) => sum + e.valuePence, entry.valuePence);
}

export function checkGiftsAndHospitality(
  entries: readonly GiftHospitalityEntry[],
  thresholdTable: GiftHospitalityTable,
  asAt: string,
): GiftHospitalityAssessment[] {
  // An entry whose date cannot be read is kept, and reported, rather than silently dropped.
  const known = entries.filter((e) => !isIsoDate(e.offeredOn) || e.offeredOn <= asAt);
  const dated = known.filter((e) => isIsoDate(e.offeredOn));
  return known.map((entry) => {
    const subject = { type: 'gift_or_hospitality' as const, code: entry.entryId };
    const readable = isIsoDate(entry.offeredOn);
    const version = readable ? thresholdVersionOn(thresholdTable, entry.offeredOn) : null;
    if (!version) {
      const why = readable
        ? `no threshold version is in effect on ${entry.offeredOn}`
        : `its date "${entry.offeredOn}" cannot be read (use YYYY-MM-DD)`;
      return {
        entryId: entry.entryId,
        tableVersion: null,
        tableConfidence: null,
        outcome: 'no_thresholds',
        mustDeclare: false,
        prohibited: false,
        assessedValuePence: entry.valuePence,
        reason: why,
        violations: [
          violationOf(NO_VERSION, subject, `Entry ${entry.entryId} cannot be assessed: ${why}`, {
            offeredOn: entry.offeredOn,
          }),
        ],
      };
    }
    const decision = decideEntry(
      entry,
      version.thresholds,
      entry.kind === 'gift'
        ? cumulativeValue(entry, dated, version.thresholds.cumulativeGiftWindowMonths)
        : entry.valuePence,
    );
    const violations: GovernanceViolation[] = [];
    const what = `${entry.kind} "${entry.description}" (${pounds(entry.valuePence)}) from ${entry.donor.name} to ${entry.personId} on ${entry.offeredOn}`;
    const detail = { personId: entry.personId, tableVersion: version.version, reason: decision.reason };
    if (entry.accepted && decision.prohibited) {
      violations.push(
        violationOf(
          asRule('GH-PROHIBITED-ACCEPTED', version),
          subject,
          `The ${what} was accepted but should have been declined: ${decision.reason}`,
          detail,
        ),
      );
    }
    if (entry.accepted && decision.mustDeclare && (entry.declaredOn === null || entry.declaredOn > asAt)) {
      violations.push(
        violationOf(
          asRule('GH-UNDECLARED', version),
          subject,
          `The ${what} was accepted and must be declared, but has not been by ${asAt}: ${decision.reason}`,
          detail,
        ),
      );
    }
    return {
      entryId: entry.entryId,
      tableVersion: version.version,
      tableConfidence: version.confidence,
      ...decision,
      violations,
    };
  });
}
