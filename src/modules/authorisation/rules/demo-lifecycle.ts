/**
 * The demo of the real 2012–13 waves as lifecycle events, to be stored through the same transitions
 * as any recorded event: pathfinder approval, the application in its wave (Liverpool's deferral from
 * wave 1 to wave 4 included), the Board's decision with its conditions and directions, Barnet's
 * directions after go-live, and the reviews that lifted conditions and directions by July 2013. Each
 * event carries its provenance; each CCG the per-field provenance of the demo assignment.
 */
import { AppError } from '../../../platform/errors.ts';
import { createRng, type Rng } from '../../../synth/random.ts';
import type {
  AuthorisationCriterion,
  AuthorisationEvent,
  ConditionInput,
  DemoCcgAuthorisation,
  DirectionInput,
  FactProvenance,
  NamedCcgFacts,
  StoredProvenance,
  SupportLevel,
  SupportLevelNumber,
  WaveDefinitions,
  WaveNumber,
} from '../model.ts';
import { monthWindow } from './board-summary.ts';
import { ROMAN } from './support-levels.ts';

export interface DemoEvent {
  readonly event: AuthorisationEvent;
  readonly reason: string;
  readonly provenance: FactProvenance;
  /** Sources or records the event rests on (citations for the demo). */
  readonly evidenceRefs: readonly string[];
}

export interface DemoApplication {
  readonly wave: WaveNumber;
  readonly submittedOn: string;
  readonly status: 'decided' | 'deferred';
}

export interface DemoLifecycle {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly applications: readonly DemoApplication[];
  readonly events: readonly DemoEvent[];
  readonly provenance: StoredProvenance;
}

export interface DemoLifecycleFacts {
  readonly waves: WaveDefinitions;
  readonly supportLevels: readonly Pick<SupportLevel, 'level' | 'bringsDirections'>[];
  readonly criteria: readonly Pick<AuthorisationCriterion, 'id' | 'domain' | 'wording'>[];
}

const synthetic = (source: string): FactProvenance => ({ basis: 'synthetic', source });
/** Quarterly condition reviews: before 31 March 2013 and quarterly after (HSJ 5054482). */
const REVIEW_DATES = ['2013-03-31', '2013-06-30', '2013-09-30', '2013-12-31', '2014-03-31'];
const REVIEW_SOURCE =
  'INFERRED from HSJ 5054482: conditions were reviewed before 31 March 2013 and quarterly after';

const firstReviewAfter = (date: string) => {
  const found = REVIEW_DATES.find((d) => d > date);
  if (!found) throw new AppError('internal', `No condition review date after ${date}`);
  return found;
};

/** A day in [from, to], both `YYYY-MM-DD`. */
function dayBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

function syntheticDirection(
  conditionId: string,
  criterionId: string,
  level: SupportLevelNumber,
  directionId: string,
): DirectionInput {
  const functions =
    level === 4
      ? [
          `Delivery of condition ${conditionId} (criterion ${criterionId}) with a team or individual the Board provides`,
        ]
      : level === 5
        ? [`Appointment of the accountable officer (condition ${conditionId})`]
        : [
            `Functions covered by criterion ${criterionId} (condition ${conditionId}), exercised by the Board`,
          ];
  return { directionId, functions, exercisedBy: { kind: 'board' } };
}

/**
 * The events and provenance of one CCG's demo record. `rng` draws only the synthetic pathfinder date;
 * everything else follows the demo assignment and the definitions.
 */
export function demoLifecycle(
  demo: DemoCcgAuthorisation,
  named: NamedCcgFacts | null,
  facts: DemoLifecycleFacts,
  rng: Rng,
): DemoLifecycle {
  const { waves } = facts;
  const wave = waves.waves.find((w) => w.wave === demo.wave);
  const review = waves.reviews.find((r) => r.id === 'july-2013');
  if (!wave || !review)
    throw new AppError('internal', 'The waves definitions lack the demo wave or the July 2013 review');
  const reviewDay = monthWindow(review.month).to;
  const brings = (level: SupportLevelNumber) =>
    facts.supportLevels.find((l) => l.level === level)?.bringsDirections ?? false;
  const wording = (id: string) => facts.criteria.find((c) => c.id === id)?.wording ?? id;
  const events: DemoEvent[] = [];
  const add = (event: AuthorisationEvent, reason: string, provenance: FactProvenance, refs: string[] = []) =>
    events.push({ event, reason, provenance, evidenceRefs: refs });

  // 1. Pathfinder: the dates and the test's evidence are not in any source.
  add(
    {
      kind: 'pathfinder_approval',
      date: dayBetween(rng, '2010-12-01', '2011-09-30'),
      evidence: {
        gpLeadership: true,
        localAuthorityEngagement: true,
        qippContribution: true,
        note: 'SYNTHETIC demo record: every CCG of April 2013 had been a pathfinder; the test is assumed met',
      },
      delegatingPctCode: null,
    },
    'Pathfinder approved (synthetic date)',
    synthetic('Drawn by the seeded generator: pathfinder dates (Dec 2010 – Sep 2011) are not in the sources'),
  );

  // 2. The application in its wave, on the wave's deadline (submission dates are not known).
  const applications: DemoApplication[] = [];
  // Liverpool: "deferred from wave 1 to wave 4" (HSJ 5052773), recorded in its named facts.
  const deferred = /deferred from wave 1/.test(named?.wave?.source ?? '');
  const waveBasis = demo.provenance.wave;
  if (deferred && demo.wave !== 1) {
    const first = waves.waves.find((w) => w.wave === 1)!;
    add(
      { kind: 'apply_in_wave', date: first.applicationDeadline, wave: 1 },
      'Applied in wave 1 (later deferred)',
      {
        basis: waveBasis.basis,
        source: `${waveBasis.source}; the submission date is synthetic (the deadline)`,
      },
      [waveBasis.source],
    );
    applications.push({ wave: 1, submittedOn: first.applicationDeadline, status: 'deferred' });
  }
  add(
    { kind: 'apply_in_wave', date: wave.applicationDeadline, wave: demo.wave },
    deferred ? `Deferred to wave ${demo.wave}` : `Applied in wave ${demo.wave}`,
    {
      basis: waveBasis.basis,
      source: `${waveBasis.source}; the submission date is synthetic (the wave's deadline)`,
    },
    [waveBasis.source],
  );
  applications.push({ wave: demo.wave, submittedOn: wave.applicationDeadline, status: 'decided' });

  // 3. The decision, announced with the wave.
  const reviewDate = firstReviewAfter(wave.announcedOn);
  const conditions: ConditionInput[] = demo.conditions.map((c, i) => ({
    conditionId: `C${i + 1}`,
    criterionIds: [c.criterionId],
    domain: c.domain,
    supportLevel: c.supportLevel,
    reviewDate,
    description: `Not met at authorisation: ${wording(c.criterionId)}`,
  }));
  const directions: DirectionInput[] = [];
  const directionProvenance: Record<string, FactProvenance> = {};
  if (demo.directionsAtGoLive) {
    demo.knownDirections.forEach((d) => {
      const directionId = `D${directions.length + 1}`;
      directions.push({ directionId, functions: [d.description], exercisedBy: d.exercisedBy });
      directionProvenance[directionId] = { basis: 'real', source: d.source };
    });
    if (!directions.length) {
      const directing = conditions.filter((c) => brings(c.supportLevel));
      for (const c of directing) {
        const directionId = `D${directions.length + 1}`;
        directions.push(syntheticDirection(c.conditionId, c.criterionIds[0]!, c.supportLevel, directionId));
        directionProvenance[directionId] = synthetic(
          `The sources name no direction for this CCG: made to match its level ${ROMAN[c.supportLevel]} condition ${c.conditionId}`,
        );
      }
    }
  }
  const outcomeBasis = demo.provenance.outcome;
  const dateSource =
    wave.announcedPrecision === 'day'
      ? `announced ${wave.announcedOn} (${wave.source})`
      : `the sources give the month only; ${wave.announcedOn} is its last day (${wave.source})`;
  add(
    {
      kind: 'decision',
      date: wave.announcedOn,
      outcome: demo.outcome === 'authorised' ? 'authorise' : 'authorise_with_conditions',
      conditions,
      directions,
    },
    demo.outcome === 'authorised'
      ? `Authorised in wave ${demo.wave}`
      : `Authorised in wave ${demo.wave} with ${conditions.length} condition(s)${directions.length ? ' and legal directions' : ''}`,
    { basis: outcomeBasis.basis, source: `${outcomeBasis.source}; decision date: ${dateSource}` },
    [outcomeBasis.source],
  );

  // 4. Directions given after go-live (Barnet): when, and at what level, is not known.
  const open = new Map(conditions.map((c) => [c.conditionId, c]));
  const afterJuly = demo.provenance.directionsAfterJuly2013;
  if (demo.directionsAfterJuly2013 && !demo.directionsAtGoLive) {
    const target = conditions[0];
    if (!target)
      throw new AppError('internal', `${demo.code} is under directions after July 2013 but has no condition`);
    const directionId = `D${directions.length + 1}`;
    const varied = { ...target, supportLevel: 4 as const };
    open.set(target.conditionId, varied);
    add(
      {
        kind: 'vary_condition',
        date: REVIEW_DATES[1]!,
        conditionId: target.conditionId,
        supportLevel: 4,
        reviewDate: REVIEW_DATES[2]!,
        description: target.description,
        directions: [
          {
            directionId,
            functions: ['Planning: the Board signs off the CCG’s plans'],
            exercisedBy: { kind: 'board' },
          },
        ],
      },
      'Condition raised to level IV with legal directions (synthetic date and level)',
      synthetic(
        `Under directions after the July 2013 review (${afterJuly.source}); "a legal direction related to planning" (HSJ 5071562); the date, the condition and its level are synthetic`,
      ),
      [afterJuly.source],
    );
    directionProvenance[directionId] = {
      basis: 'inferred',
      source:
        'HSJ 5071562: Barnet had "a legal direction related to planning" (AUTHORISATION.md §1.5); its wording here is the platform’s',
    };
  }

  // 5. The reviews: lifted before July 2013, in the July review, or left standing.
  const julyBasis = demo.provenance.july2013;
  const lift = (conditionId: string, date: string, why: string, p: FactProvenance) => {
    open.delete(conditionId);
    add({ kind: 'lift_condition', date, conditionId }, why, p, [p.source]);
  };
  const liftDirections = (date: string, p: FactProvenance) => {
    const ids = [
      ...directions.map((d) => d.directionId),
      ...events.flatMap((e) =>
        e.event.kind === 'vary_condition' ? e.event.directions.map((d) => d.directionId) : [],
      ),
    ];
    if (ids.length)
      add(
        { kind: 'lift_directions', date, directionIds: ids },
        'Directions lifted in the July 2013 review',
        p,
        [p.source],
      );
  };
  const dateNote = (what: string): FactProvenance => ({
    basis: julyBasis.basis,
    source: `${julyBasis.source}; ${what}`,
  });
  if (demo.july2013 === 'lifted_before_review') {
    const p = dateNote(`lifted on ${reviewDate}: ${REVIEW_SOURCE}; which review is synthetic`);
    for (const c of conditions) lift(c.conditionId, reviewDate, 'Condition lifted at a quarterly review', p);
  } else if (demo.july2013 === 'lifted_in_review') {
    const p = dateNote(
      `the July 2013 review (${review.source}); the sources give the month, so its last day`,
    );
    for (const c of conditions) lift(c.conditionId, reviewDay, 'Condition lifted in the July 2013 review', p);
    liftDirections(reviewDay, p);
  } else if (demo.july2013 === 'remaining' && demo.directionsAtGoLive && !demo.directionsAfterJuly2013) {
    // Directions fell to 8 in July 2013 (HSJ 5061704) while this CCG kept conditions: its directing
    // conditions go, or, if they are all it has, one is lowered to level III so the directions can be lifted.
    const p = {
      basis: afterJuly.basis,
      source: `${afterJuly.source}; in the July 2013 review (the month's last day); which conditions went is synthetic`,
    };
    const directing = [...open.values()].filter((c) => brings(c.supportLevel));
    const others = [...open.values()].filter((c) => !brings(c.supportLevel));
    directing.forEach((c, i) => {
      if (others.length || i > 0) {
        lift(c.conditionId, reviewDay, 'Directing condition lifted in the July 2013 review', p);
      } else {
        add(
          {
            kind: 'vary_condition',
            date: reviewDay,
            conditionId: c.conditionId,
            supportLevel: 3,
            reviewDate: REVIEW_DATES[2]!,
            description: c.description,
            directions: [],
          },
          'Condition lowered to level III in the July 2013 review',
          synthetic(`${p.source}; lowered rather than lifted because it was the CCG's only condition`),
        );
      }
    });
    liftDirections(reviewDay, p);
  }

  const conditionProvenance = Object.fromEntries(
    demo.conditions.map((c, i) => [`C${i + 1}`, { criterion: c.criterion, level: c.level }]),
  );
  return {
    ccgCode: demo.code,
    ccgName: demo.name,
    applications,
    events,
    provenance: {
      fields: {
        wave: demo.provenance.wave,
        outcome: demo.provenance.outcome,
        conditionCount: demo.provenance.conditionCount,
        directionsAtGoLive: demo.provenance.directionsAtGoLive,
        july2013: demo.provenance.july2013,
        directionsAfterJuly2013: demo.provenance.directionsAfterJuly2013,
      },
      conditions: conditionProvenance,
      directions: directionProvenance,
    },
  };
}

/** Every CCG's demo lifecycle, deterministic from `seed`; named facts are found by ODS code. */
export function demoLifecycles(
  demo: readonly DemoCcgAuthorisation[],
  facts: DemoLifecycleFacts,
  seed: string,
): DemoLifecycle[] {
  const rng = createRng('authorisation-demo-lifecycle', seed);
  return demo.map((d) =>
    demoLifecycle(d, facts.waves.namedCcgs.find((n) => n.odsCode === d.code) ?? null, facts, rng),
  );
}
