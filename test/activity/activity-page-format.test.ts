import { describe, expect, it } from 'vitest';
import {
  csvPounds,
  formatPoundsAndPence,
  monthsWithoutActivity,
  signedStatementAmounts,
  unpricedNote,
} from '../../src/web/features/activity/format.ts';

/**
 * The activity pages' pure rules (src/web/features/activity/format.ts): the signs of a contract
 * statement's deductions, the months of a run without activity, and the note on unpriced activity.
 */

/** A statement line as the API gives it: the readmission deduction positive, the MRET adjustment signed. */
const line = (grossValue: number, readmissionDeduction: number, marginalRateAdjustment: number) => ({
  month: '2013-06',
  pod: 'NEL',
  activity: 5,
  grossValue,
  readmissionDeduction,
  marginalRateAdjustment,
  netValue: grossValue - readmissionDeduction + marginalRateAdjustment,
});

describe('a contract statement’s deductions, shown signed', () => {
  it.each([
    // The fixture's 00K–RVW non-elective line in June 2013.
    [10200, 1200, -2700, -1200, -2700, 6300],
    // No readmission, money withheld under the marginal rate rule.
    [37500, 0, -3000.5, 0, -3000.5, 34499.5],
    // Nothing deducted.
    [6000.75, 0, 0, 0, 0, 6000.75],
    // Pence.
    [100.1, 0.2, -0.3, -0.2, -0.3, 99.6],
  ])(
    'gross %d, deduction %d, MRET %d: shown %d and %d, adding up to net %d',
    (gross, readmission, mret, shownReadmission, shownMret, net) => {
      const shown = signedStatementAmounts(line(gross, readmission, mret));
      expect(shown).toMatchObject({
        month: '2013-06',
        pod: 'NEL',
        activity: 5,
        grossValue: gross,
        readmissionDeduction: shownReadmission,
        marginalRateAdjustment: shownMret,
      });
      expect(csvPounds(shown.netValue)).toBe(net);
      // The columns add up to net, to the penny.
      expect(csvPounds(shown.grossValue + shown.readmissionDeduction + shown.marginalRateAdjustment)).toBe(
        csvPounds(shown.netValue),
      );
    },
  );

  it('never shows a negative zero', () => {
    const shown = signedStatementAmounts(line(0, 0, -0));
    expect(Object.is(shown.readmissionDeduction, 0)).toBe(true);
    expect(Object.is(shown.marginalRateAdjustment, 0)).toBe(true);
    expect(formatPoundsAndPence(shown.readmissionDeduction)).toBe('£0.00');
    expect(formatPoundsAndPence(shown.marginalRateAdjustment)).toBe('£0.00');
  });
});

describe('months of the run without activity', () => {
  const RUN = ['2013-04', '2013-05', '2013-06', '2013-07', '2013-08'];
  it.each([
    [RUN, ['2013-04', '2013-05', '2013-06', '2013-08'], ['2013-07']],
    [RUN, RUN, []],
    [RUN, [], RUN],
    [RUN, ['2013-06'], ['2013-04', '2013-05', '2013-07', '2013-08']],
    [[], [], []],
  ])('of %j with activity in %j: %j', (months, active, without) => {
    expect(monthsWithoutActivity(months, active)).toEqual(without);
  });
});

describe('the note on unpriced activity', () => {
  it.each([
    [0, ''],
    [1, 'of which 1 unpriced'],
    [5, 'of which 5 unpriced'],
    [12345, 'of which 12,345 unpriced'],
  ])('%d unpriced: "%s"', (unpriced, note) => {
    expect(unpricedNote(unpriced)).toBe(note);
  });
});
