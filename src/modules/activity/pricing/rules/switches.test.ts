import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { loadTariff } from '../definitions.ts';
import type { PricingOptions } from '../model.ts';
import { applySwitches } from './switches.ts';

const defaults = loadTariff().defaults;

describe('applySwitches sets each named switch', () => {
  it.each<[string, string, (o: PricingOptions) => unknown, unknown]>([
    ['short_stay_emergency', 'single_price', (o) => o.shortStayEmergency, 'single_price'],
    ['apply_mff', 'false', (o) => o.applyMff, false],
    ['bpt_missing_criteria', 'no_adjustment', (o) => o.bptMissingCriteria, 'no_adjustment'],
    [
      'bpt_area.acute_stroke',
      'false',
      (o) => o.bptAreas.find((a) => a.id === 'acute_stroke')?.enabled,
      false,
    ],
    ['readmission_scope', 'any_provider', (o) => o.readmissions.scope, 'any_provider'],
    ['readmission_avoidable_share_bp', '1500', (o) => o.readmissions.avoidableShareBp, 1500],
    [
      'readmission_exclusion.cross_border',
      'false',
      (o) => o.readmissions.exclusions.find((e) => e.id === 'cross_border')?.enabled,
      false,
    ],
    ['mret_phasing', 'monthly', (o) => o.marginalRate.phasing, 'monthly'],
    ['mret_baseline_method', 'agreed', (o) => o.marginalRate.baselineMethod, 'agreed'],
    ['mret_baseline_share_bp', '9500', (o) => o.marginalRate.baselineShareOfOutturnBp, 9500],
  ])('%s=%s', (id, value, read, expected) => {
    const options = applySwitches(defaults, { [id]: value });
    expect(read(options)).toEqual(expected);
    expect(read(defaults)).not.toEqual(expected);
  });

  it('changes nothing else', () => {
    const options = applySwitches(defaults, { 'bpt_area.acute_stroke': 'false' });
    expect(options.bptAreas.filter((a) => a.id !== 'acute_stroke')).toEqual(
      defaults.bptAreas.filter((a) => a.id !== 'acute_stroke'),
    );
    expect(options.readmissions).toBe(defaults.readmissions);
  });

  it('the defaults are those of rules.json and best-practice.json', () => {
    expect({
      shortStay: defaults.shortStayEmergency,
      mff: defaults.applyMff,
      bptMissing: defaults.bptMissingCriteria,
      scope: defaults.readmissions.scope,
      window: defaults.readmissions.windowDays,
      share: defaults.readmissions.avoidableShareBp,
      mret: defaults.marginalRate,
    }).toEqual({
      shortStay: 'reference_cost_short_stay',
      mff: true,
      bptMissing: 'not_met',
      scope: 'same_provider',
      window: 30,
      share: 2500,
      mret: {
        ratePaidAboveBaselineBp: 3000,
        pods: ['NEL'],
        phasing: 'year_to_date',
        baselineMethod: 'share_of_outturn',
        baselineShareOfOutturnBp: 9000,
      },
    });
  });
});

describe('applySwitches rejects bad assignments, all at once', () => {
  it('names each bad switch and what it accepts', () => {
    let error: unknown;
    try {
      applySwitches(defaults, {
        short_stay_emergency: 'sometimes',
        apply_mff: 'yes',
        readmission_avoidable_share_bp: '12.5',
        mret_baseline_share_bp: '20001',
        'bpt_area.knees': 'true',
        'readmission_exclusion.tall_people': 'true',
        colour: 'blue',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'switch.short_stay_emergency: "sometimes" is not one of reference_cost_short_stay, single_price',
      'switch.apply_mff: "yes" is not true or false',
      'switch.readmission_avoidable_share_bp: "12.5" is not a whole number of basis points from 0 to 10000',
      'switch.mret_baseline_share_bp: "20001" is not a whole number of basis points from 0 to 20000',
      expect.stringMatching(/^switch\.bpt_area\.knees: no modelled BPT area "knees" \(known: cataracts, /),
      expect.stringMatching(
        /^switch\.readmission_exclusion\.tall_people: no readmission exclusion "tall_people" \(known: no_national_tariff, /,
      ),
      expect.stringMatching(/^switch\.colour: unknown pricing switch \(known: short_stay_emergency, /),
    ]);
  });
});
