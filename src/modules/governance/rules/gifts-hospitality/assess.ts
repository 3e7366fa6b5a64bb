/**
 * Applies one threshold version to one gift or hospitality entry: what should have happened to it
 * (accept, declare, decline) and the value the thresholds were applied to.
 */
import type { GiftHospitalityEntry, GiftHospitalityOutcome, GiftHospitalityThresholds } from '../../model.ts';

export interface EntryDecision {
  readonly outcome: GiftHospitalityOutcome;
  readonly mustDeclare: boolean;
  readonly prohibited: boolean;
  readonly assessedValuePence: number;
  readonly reason: string;
}

export const pounds = (pence: number): string => `£${(pence / 100).toFixed(2)}`;

function decideGift(
  entry: GiftHospitalityEntry,
  t: GiftHospitalityThresholds,
  cumulativePence: number,
): EntryDecision {
  const value = entry.valuePence;
  if (entry.cashOrVoucher && t.declineCashAndVouchers) {
    return {
      outcome: 'decline',
      mustDeclare: false,
      prohibited: true,
      assessedValuePence: value,
      reason: 'cash and vouchers are always declined',
    };
  }
  if (entry.donor.isSupplierOrContractor && t.supplierGiftAcceptUpToPence !== null) {
    const limit = t.supplierGiftAcceptUpToPence;
    return value <= limit
      ? {
          outcome: 'accept_without_declaring',
          mustDeclare: false,
          prohibited: false,
          assessedValuePence: value,
          reason: `a low-cost item from a supplier, up to ${pounds(limit)}`,
        }
      : {
          outcome: 'decline',
          mustDeclare: false,
          prohibited: true,
          assessedValuePence: value,
          reason: `gifts from suppliers or contractors over ${pounds(limit)} are declined`,
        };
  }
  const limit = t.giftDeclareAbovePence;
  const cumulative = cumulativePence > value;
  if (cumulativePence <= limit) {
    return {
      outcome: 'accept_without_declaring',
      mustDeclare: false,
      prohibited: false,
      assessedValuePence: cumulativePence,
      reason: `worth up to ${pounds(limit)}${cumulative ? ' with earlier gifts from the same donor' : ''}`,
    };
  }
  const worth = `worth ${pounds(cumulativePence)}${cumulative ? ' with earlier gifts from the same donor' : ''}, over ${pounds(limit)}`;
  return t.giftAboveThresholdOnBehalfOfOrganisation
    ? {
        outcome: 'accept_on_behalf_of_organisation',
        mustDeclare: true,
        prohibited: false,
        assessedValuePence: cumulativePence,
        reason: `${worth}: accepted on behalf of the organisation only, and declared`,
      }
    : {
        outcome: 'accept_and_declare',
        mustDeclare: true,
        prohibited: false,
        assessedValuePence: cumulativePence,
        reason: `${worth}: declared`,
      };
}

function decideHospitality(entry: GiftHospitalityEntry, t: GiftHospitalityThresholds): EntryDecision {
  const value = entry.valuePence;
  const base = { assessedValuePence: value };
  if (value <= t.hospitalityDeclareAbovePence) {
    return {
      ...base,
      outcome: 'accept_without_declaring',
      mustDeclare: false,
      prohibited: false,
      reason: `worth up to ${pounds(t.hospitalityDeclareAbovePence)}`,
    };
  }
  const refuse = t.hospitalityRefuseAbovePence;
  if (refuse === null || value <= refuse) {
    return {
      ...base,
      outcome: 'accept_and_declare',
      mustDeclare: true,
      prohibited: false,
      reason: `worth over ${pounds(t.hospitalityDeclareAbovePence)}${refuse === null ? '' : ` and up to ${pounds(refuse)}`}: declared`,
    };
  }
  return entry.seniorApprovalBy
    ? {
        ...base,
        outcome: 'accept_with_senior_approval',
        mustDeclare: true,
        prohibited: false,
        reason: `worth over ${pounds(refuse)}: accepted with senior approval (${entry.seniorApprovalBy}), and declared`,
      }
    : {
        ...base,
        outcome: 'decline',
        mustDeclare: false,
        prohibited: true,
        reason: `worth over ${pounds(refuse)}: refused without senior approval`,
      };
}

/** `cumulativePence`: this gift plus earlier accepted gifts from the same donor in the window (the value alone if none). */
export function decideEntry(
  entry: GiftHospitalityEntry,
  t: GiftHospitalityThresholds,
  cumulativePence: number,
): EntryDecision {
  return entry.kind === 'gift' ? decideGift(entry, t, cumulativePence) : decideHospitality(entry, t);
}
