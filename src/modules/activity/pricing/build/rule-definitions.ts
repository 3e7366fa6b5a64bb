/**
 * The reviewed content of definitions/tariff/2013-14/rules.json and best-practice.json. The build
 * (build-tariff.ts) writes these objects out as JSON; edit them here and re-run
 * `npx tsx scripts/build-tariff.ts`. Every value carries its source and confidence; anything not
 * confirmed is a switch or a parameter labelled illustrative (REFERENCE.md conventions).
 */

const REVIEWED_ON = '2026-11-22';
const PBR_GUIDANCE =
  'DH, Payment by Results Guidance for 2013-14, 28 Feb 2013, Gateway 18768 (REFERENCE.md §8.2 [C]; STATUTES.md §6)';

/** Conditions of the readmission exclusions, as the loader (definitions.ts) reads them. */
const EXCLUSIONS = [
  {
    id: 'no_national_tariff',
    title: 'Activity without a national tariff',
    anyOf: [{ noNationalPrice: true }],
    confidence: 'confirmed',
    note: 'Rows priced locally or not priced at all are outside the rule.',
  },
  {
    id: 'maternity',
    title: 'Maternity and childbirth',
    anyOf: [
      { field: 'point_of_delivery', in: ['MAT'] },
      { field: 'admission_method', in: ['31', '32'] },
      { field: 'hrg_code', prefixes: ['NZ'] },
    ],
    confidence: 'confirmed',
    note: 'Maternity admissions (POD MAT, admission method 31–32) and the maternity HRG chapter NZ.',
  },
  {
    id: 'cancer',
    title: 'Cancer, chemotherapy and radiotherapy',
    anyOf: [
      { field: 'treatment_function_code', in: ['370', '503', '800'] },
      { field: 'hrg_code', prefixes: ['SB', 'SC'] },
    ],
    confidence: 'confirmed',
    note: 'The layout has no diagnosis, so cancer is identified by the treating specialty (370 medical oncology, 503 gynaecological oncology, 800 clinical oncology) and the chemotherapy (SB) and radiotherapy (SC) HRG chapters: a proxy.',
  },
  {
    id: 'children_under_4',
    title: 'Children under 4',
    anyOf: [{ field: 'age_at_activity_date', lessThan: 4 }],
    confidence: 'confirmed',
    note: 'Age at the readmission.',
  },
  {
    id: 'self_discharge',
    title: 'Patients who self-discharged against clinical advice',
    anyOf: [{ field: 'discharge_method', in: ['2'] }],
    confidence: 'unconfirmed',
    note: 'The exclusion is confirmed (REFERENCE.md §8.2 [C]); how it is tested is not: on the readmission row (discharge method 2), as the row carries no attributes of the earlier spell, while the guidance probably means a patient who left the earlier spell against advice. UNCONFIRMED: a proxy.',
  },
  {
    id: 'emergency_transfer',
    title: 'Emergency transfers from another provider',
    anyOf: [
      { field: 'admission_source', in: ['51', '52', '53'] },
      { field: 'admission_method', in: ['2B'] },
    ],
    confidence: 'confirmed',
    note: 'Source of admission 51–53 (another NHS provider) or admission method 2B (emergency transfer from another provider).',
  },
  {
    id: 'cross_border',
    title: 'Cross-border activity',
    anyOf: [{ field: 'residence_country', in: ['wales', 'scotland', 'northern_ireland'] }],
    confidence: 'confirmed',
    note: 'Patients resident in Wales, Scotland or Northern Ireland.',
  },
  {
    id: 'renal_dialysis',
    title: 'Renal dialysis',
    anyOf: [{ field: 'hrg_code', prefixes: ['LD'] }],
    confidence: 'confirmed',
    note: 'The renal dialysis HRG chapter LD.',
  },
  {
    id: 'post_transplant',
    title: 'Post-transplant',
    anyOf: [
      { field: 'treatment_function_code', in: ['102'] },
      {
        field: 'hrg_code',
        prefixes: [
          'DZ01',
          'EA01',
          'EA02',
          'GA01',
          'GA12',
          'LA01',
          'LA02',
          'LA03',
          'LA13',
          'LA14',
          'SA19',
          'SA20',
          'SA21',
          'SA22',
          'SA23',
          'SA26',
          'SA27',
          'SA28',
        ],
      },
    ],
    confidence: 'confirmed',
    note: 'Without the patient history, a proxy: transplantation surgery (treatment function 102) or a transplant or post-transplant HRG (lung, heart, liver, multi-organ, kidney, bone marrow and stem cell).',
  },
] as const;

export const RULES_DEFINITION = {
  id: 'pbr-2013-14-rules',
  version: '2013-14',
  title: 'Payment by Results 2013/14 and NHS Standard Contract 2013/14 payment rules',
  legalRef: `${PBR_GUIDANCE}; NHS Standard Contract 2013/14 Schedule 3D (marginal rate emergency rule: agreed baseline value) and Schedule 3E (emergency re-admissions within 30 days: agreed threshold)`,
  source: 'REFERENCE.md §8.1 and §8.2; STATUTES.md §6',
  effectiveFrom: '2013-04-01',
  effectiveTo: '2014-03-31',
  reviewedOn: REVIEWED_ON,
  marginalRate: {
    title: 'Marginal rate emergency rule (MRET)',
    ratePaidAboveBaselineBp: {
      kind: 'parameter',
      value: 3000,
      unit: 'basis points of tariff',
      confidence: 'confirmed',
      source:
        'HSJ 7022143 (REFERENCE.md §8.2 [C]); HFMA, 1 Mar 2013: "providers are paid just 30% of tariff for activity above a 2008/09 baseline" (STATUTES.md §6, CONFIRMED secondary)',
    },
    pods: {
      kind: 'parameter',
      value: ['NEL'],
      confidence: 'unconfirmed',
      source:
        'Not retrieved: which admissions count as emergency for MRET in 2013/14. Non-elective admissions (POD NEL) are used; maternity admissions (MAT) are left out.',
    },
    phasing: {
      kind: 'switch',
      id: 'mret_phasing',
      options: ['year_to_date', 'monthly'],
      default: 'year_to_date',
      confidence: 'unconfirmed',
      source:
        'The rule is annual (Sch 3D holds an annual baseline value). How monthly statements phase it is local practice: year_to_date reproduces the annual rule at year end; monthly judges each month against a twelfth.',
    },
    baselineMethod: {
      kind: 'switch',
      id: 'mret_baseline_method',
      options: ['agreed', 'share_of_outturn'],
      default: 'share_of_outturn',
      label: 'illustrative',
      confidence: 'unconfirmed',
      source:
        'Real baselines are 2008/09 values agreed in Sch 3D (REFERENCE.md §8.2 [P]); synthetic contracts have no 2008/09 outturn, so by default a baseline is set as a share of the contract year\'s own emergency value. "agreed" uses baselines supplied as data.',
    },
    baselineShareOfOutturnBp: {
      kind: 'parameter',
      id: 'mret_baseline_share_bp',
      value: 9000,
      unit: "basis points of the year's emergency value",
      label: 'illustrative',
      confidence: 'unconfirmed',
      source:
        'Illustrative: synthetic baselines at 90% of outturn, i.e. emergency activity assumed about 11% above its baseline.',
    },
  },
  readmissions: {
    title: 'Non-payment of avoidable emergency readmissions within 30 days of discharge',
    windowDays: {
      kind: 'parameter',
      value: 30,
      unit: 'days after discharge',
      confidence: 'confirmed',
      source: 'HFMA 2011 and 2012; PMC5226021 Table 1 (REFERENCE.md §8.2 [C])',
      note: 'An admission on day 30 after the discharge counts (0–30 days). Which boundary PbR 2013/14 used is UNCONFIRMED: the NHS outcomes indicators of 30-day readmissions count 0–29 days; set the window to 29 days for that reading.',
    },
    avoidableShareBp: {
      kind: 'parameter',
      id: 'readmission_avoidable_share_bp',
      value: 2500,
      unit: "basis points of the readmission's price",
      label: 'illustrative',
      confidence: 'unconfirmed',
      source:
        'Set locally by a clinical review led by a clinician not employed by the provider, and recorded in Sch 3E (REFERENCE.md §8.2 [C]). No national figure exists; 25% is an illustrative default. The share is withheld from each counted readmission, which adds up to the share of their value.',
    },
    scope: {
      kind: 'switch',
      id: 'readmission_scope',
      options: ['same_provider', 'any_provider'],
      default: 'same_provider',
      confidence: 'unconfirmed',
      source:
        "Not retrieved whether a readmission to a different provider counts. same_provider matches the layout's derived flag emergency_readmission_30d; any_provider derives the flag across providers (sql.ts readmissionFlagQuery).",
    },
    note: 'From 2012/13 the avoidable proportion set by local clinical review is not reimbursed, with no elective/non-elective distinction; "non-payment of all 30-day readmissions" is NOT the 2013/14 rule (REFERENCE.md §8.2 [C]). Exclusions are tested on the readmission row, in this order; the first that holds names the row\'s status.',
    exclusions: EXCLUSIONS.map((e) => ({
      ...e,
      enabled: true,
      switchId: `readmission_exclusion.${e.id}`,
      source: 'REFERENCE.md §8.2 [C] (HFMA 2011 and 2012; PMC5226021 Table 1): the exclusions list',
    })),
  },
  shortStayEmergency: {
    kind: 'switch',
    id: 'short_stay_emergency',
    options: ['reference_cost_short_stay', 'single_price'],
    default: 'reference_cost_short_stay',
    confidence: 'unconfirmed',
    source:
      'Reference costs split non-elective spells into long stay (NEL, 2+ days) and short stay (NES, 0–1 days); the tariff of the time had one non-elective price with a reduction for short stays, whose 2013/14 detail was not retrieved. reference_cost_short_stay prices 0–1 day non-elective and maternity spells at the NES cost; single_price pays the long-stay price whatever the length of stay.',
  },
  mff: {
    kind: 'switch',
    id: 'apply_mff',
    options: [true, false],
    default: true,
    confidence: 'partial',
    source:
      'DH, PbR and the Market Forces Factor (MFF) in 2013-14 (28 Feb 2013): a provider-specific payment index applied to national prices (STATUTES.md §6 PARTIAL). The values in mff.csv are illustrative; local prices carry no MFF.',
  },
} as const;

const BPT_SOURCE = 'PMC4468579 Table 4; HFMA (REFERENCE.md §8.2 [C])';

export const BEST_PRACTICE_DEFINITION = {
  id: 'pbr-2013-14-best-practice-tariffs',
  version: '2013-14',
  title: 'Best practice tariffs (BPT) 2013/14',
  legalRef: PBR_GUIDANCE,
  source: 'REFERENCE.md §8.2; STATUTES.md §6',
  effectiveFrom: '2013-04-01',
  effectiveTo: '2014-03-31',
  reviewedOn: REVIEWED_ON,
  label:
    'BPT areas and the years they began are real; the HRG scope chosen here and every amount are illustrative',
  priceRule:
    'For an enabled area, on its points of delivery and HRGs (and from its minimum age): BPT price = base price + criteriaMet adjustment; non-BPT price = base price + criteriaNotMet adjustment. An adjustment is shareOfBaseBp basis points of the base price (from −10000, rounded to the penny, halves away from zero) plus fixedPence (a top-up, never negative). Whether the criteria were met comes from the row (best_practice_criteria_met). The MFF applies after the adjustment.',
  missingCriteria: {
    kind: 'switch',
    id: 'bpt_missing_criteria',
    options: ['not_met', 'no_adjustment'],
    default: 'not_met',
    confidence: 'unconfirmed',
    source:
      'A provider earns the BPT price by showing that the criteria were met (e.g. in a national audit), so by default a row with no evidence (best_practice_criteria_met empty) takes the non-BPT price; no_adjustment pays the base price.',
  },
  areas: [
    {
      id: 'cataracts',
      title: 'Cataracts',
      introduced: '2010/11',
      introducedSource: BPT_SOURCE,
      modelled: true,
      enabled: true,
      pods: ['DC', 'EL'],
      hrgCodes: ['BZ02A', 'BZ02B', 'BZ02C'],
      minimumAge: null,
      criteriaMet: { shareOfBaseBp: 500, fixedPence: 0 },
      criteriaNotMet: { shareOfBaseBp: -500, fixedPence: 0 },
      label: 'illustrative',
      note: 'Phacoemulsification cataract extraction and lens implant (BZ02). Amounts illustrative.',
    },
    {
      id: 'cholecystectomy',
      title: 'Cholecystectomy',
      introduced: '2010/11',
      introducedSource: BPT_SOURCE,
      modelled: true,
      enabled: true,
      pods: ['DC', 'EL'],
      hrgCodes: ['GA10H', 'GA10J', 'GA10K'],
      minimumAge: null,
      criteriaMet: { shareOfBaseBp: 500, fixedPence: 0 },
      criteriaNotMet: { shareOfBaseBp: -500, fixedPence: 0 },
      label: 'illustrative',
      note: 'Laparoscopic cholecystectomy, adults (GA10H–GA10K). Amounts illustrative.',
    },
    {
      id: 'fragility_hip_fracture',
      title: 'Fragility hip fracture',
      introduced: '2010/11',
      introducedSource: BPT_SOURCE,
      modelled: true,
      enabled: true,
      pods: ['NEL'],
      hrgCodes: ['HA11A', 'HA11B', 'HA11C', 'HA12B', 'HA12C', 'HA13A', 'HA13B', 'HA13C'],
      minimumAge: 60,
      criteriaMet: { shareOfBaseBp: 0, fixedPence: 133_500 },
      criteriaNotMet: { shareOfBaseBp: 0, fixedPence: 0 },
      label: 'illustrative',
      note: 'Major and intermediate hip procedures for trauma (HA11–HA13), emergency, patients aged 60 and over. The top-up (£1,335) is illustrative, not a confirmed 2013/14 figure.',
    },
    {
      id: 'acute_stroke',
      title: 'Acute stroke',
      introduced: '2010/11',
      introducedSource: BPT_SOURCE,
      modelled: true,
      enabled: true,
      pods: ['NEL'],
      hrgCodes: ['AA35A', 'AA35B', 'AA35C', 'AA35D', 'AA35E', 'AA35F'],
      minimumAge: null,
      criteriaMet: { shareOfBaseBp: 1000, fixedPence: 0 },
      criteriaNotMet: { shareOfBaseBp: 0, fixedPence: 0 },
      label: 'illustrative',
      note: 'Stroke (AA35 in the 2013-14 reference-cost code set). Amounts illustrative.',
    },
    {
      id: 'primary_hip_knee_replacement',
      title: 'Primary hip and knee replacement',
      introduced: '2011/12',
      introducedSource: BPT_SOURCE,
      modelled: true,
      enabled: true,
      pods: ['EL'],
      hrgCodes: ['HB12A', 'HB12B', 'HB12C', 'HB22B', 'HB22C'],
      minimumAge: null,
      criteriaMet: { shareOfBaseBp: 0, fixedPence: 0 },
      criteriaNotMet: { shareOfBaseBp: -300, fixedPence: 0 },
      label: 'illustrative',
      note: 'Major hip (HB12) and knee (HB22) procedures for non-trauma, category 1, taken as the primary replacements. A reduction when the criteria are not met; amounts illustrative.',
    },
    {
      id: 'transient_ischaemic_attack',
      title: 'Transient ischaemic attack (TIA)',
      introduced: '2011/12',
      introducedSource: BPT_SOURCE,
      modelled: true,
      enabled: true,
      pods: ['NEL', 'DC'],
      hrgCodes: ['AA29C', 'AA29D', 'AA29E', 'AA29F'],
      minimumAge: null,
      criteriaMet: { shareOfBaseBp: 1000, fixedPence: 0 },
      criteriaNotMet: { shareOfBaseBp: 0, fixedPence: 0 },
      label: 'illustrative',
      note: 'Transient ischaemic attack (AA29). Amounts illustrative.',
    },
    ...[
      [
        'adult_renal_dialysis',
        'Adult renal dialysis',
        '2011/12',
        'Dialysis sessions are not an activity type of the layout.',
      ],
      ['day_case_procedures', 'Day case procedures', '2011/12', 'The procedure list was not retrieved.'],
      [
        'interventional_radiology',
        'Interventional radiology',
        '2011/12',
        'Needs procedure codes, which the layout does not carry.',
      ],
      [
        'paediatric_diabetes',
        'Paediatric diabetes',
        '2011/12',
        'An annual outpatient currency, not in the layout.',
      ],
      ['major_trauma', 'Major trauma', '2012/13', 'Needs trauma audit (TARN) data, not in the layout.'],
      [
        'same_day_emergency_care',
        'Same-day emergency care (12 scenarios)',
        '2012/13',
        'The scenario list was not retrieved.',
      ],
      [
        'procedures_in_outpatients',
        'Procedures in outpatients',
        '2012/13',
        'Outpatient procedure currencies are not in the layout.',
      ],
    ].map(([id, title, introduced, reason]) => ({
      id,
      title,
      introduced,
      introducedSource: BPT_SOURCE,
      modelled: false,
      reason,
    })),
    ...[
      [
        'early_inflammatory_arthritis',
        'Early inflammatory arthritis',
        'British Society for Rheumatology: "came into use in April 2013" (STATUTES.md §6, CONFIRMED secondary)',
        'partial',
      ],
      [
        'endoscopy_jag',
        'Endoscopy (JAG accreditation)',
        'JAG timeline, Frontline Gastroenterology (STATUTES.md §6, CONFIRMED secondary)',
        'partial',
      ],
      [
        'diabetic_ketoacidosis_hypoglycaemia',
        'Diabetic ketoacidosis and hypoglycaemia',
        'Year not confirmed (STATUTES.md §6 UNCONFIRMED)',
        'unconfirmed',
      ],
      [
        'paediatric_epilepsy',
        'Paediatric epilepsy',
        'Year not confirmed (STATUTES.md §6 UNCONFIRMED)',
        'unconfirmed',
      ],
    ].map(([id, title, introducedSource, confidence]) => ({
      id,
      title,
      introduced: '2013/14',
      introducedSource,
      confidence,
      modelled: false,
      reason: 'New in 2013/14 as far as known; scope and prices not retrieved.',
    })),
  ],
} as const;
