/**
 * The responsible commissioner for one case ("Who Pays?" 2013, REFERENCE.md §5, STATUTES.md §2): the
 * rules in the order of EVALUATION_ORDER, the first that applies deciding. Pure: the look-ups, the
 * definitions and the switch settings are passed in. ../sql.ts is the same logic as one SQL pass and
 * ../agreement.test.ts holds the two to each other, so a change here needs the same change there.
 */
import {
  ARMED_FORCES_COHORT,
  parseWhoPaysCase,
  QUALIFYING_PLACEMENT_SETTINGS,
  type ResolvedCase,
  UK_COUNTRIES,
  type UkCountry,
} from './case.ts';
import type {
  Commissioner,
  WhoPaysDecision,
  WhoPaysDefinitions,
  WhoPaysLookups,
  WhoPaysRuleId,
  WhoPaysSwitches,
} from './model.ts';

const NHS_ENGLAND: Commissioner = { kind: 'nhs_england', code: null };
const UNDETERMINED: Commissioner = { kind: 'undetermined', code: null };
const ccg = (code: string): Commissioner => ({ kind: 'ccg', code });
const COUNTRY: Record<UkCountry, string> = {
  wales: 'Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
};

const decision = (ruleId: WhoPaysRuleId, responsible: Commissioner, reason: string): WhoPaysDecision => ({
  responsible,
  payer: responsible,
  ruleId,
  reason,
});

/**
 * Decides one case: `whoPaysCase` is a case as written (validated here; a bad one throws an AppError
 * naming each bad field). Deterministic: the same case, look-ups, definitions and switches give the
 * same decision.
 */
export function decideWhoPays(
  whoPaysCase: unknown,
  lookups: WhoPaysLookups,
  switches: WhoPaysSwitches,
  definitions: WhoPaysDefinitions,
): WhoPaysDecision {
  return decideResolved(parseWhoPaysCase(whoPaysCase, lookups, definitions), switches);
}

/** The CCG through primary medical services (s3(1A)(a)), before the cross-border exclusions. */
function gpRegistration(c: ResolvedCase, switches: WhoPaysSwitches): { ccg: string; how: string } | null {
  const registered = c.registered?.ccgCode
    ? {
        ccg: c.registered.ccgCode,
        how: `registered with practice ${c.registered.code} (CCG ${c.registered.ccgCode})`,
      }
    : null;
  const temporary = c.temporary?.ccgCode
    ? {
        ccg: c.temporary.ccgCode,
        how: `accepted as a temporary resident by practice ${c.temporary.code} (CCG ${c.temporary.ccgCode}; SI 2013/350 reg 2(2)(d))`,
      }
    : null;
  return switches.temporaryResident === 'temporary_practice_ccg'
    ? (temporary ?? registered)
    : (registered ?? temporary);
}

/**
 * How a person the registration rule (R4) did not place is described: not registered at all, or
 * registered with a practice that was no CCG's member on the day (a prison practice, say).
 */
function notRegisteredWords(c: ResolvedCase): string {
  const practice = c.registered ?? c.temporary;
  return practice && !practice.ccgCode
    ? `registered with practice ${practice.code}, which was a member of no CCG on ${c.date}`
    : 'not registered with a practice of any CCG';
}

const ukCountry = (c: ResolvedCase): UkCountry | null =>
  c.residence && (UK_COUNTRIES as readonly string[]).includes(c.residence.kind)
    ? (c.residence.kind as UkCountry)
    : null;

/** The registering CCG of a Welsh, Scottish or Northern Irish resident under the switch, or null. */
function crossBorderCcg(country: UkCountry, gp: string, switches: WhoPaysSwitches): string | null {
  if (switches.crossBorderResidents === 'registering_ccg') return gp;
  if (switches.crossBorderResidents === 'registering_ccg_wales_only' && country === 'wales') return gp;
  return null;
}

/** The CCG of s3(1A): registration, else usual residence in England; null if neither names one. */
function normalCcg(c: ResolvedCase, switches: WhoPaysSwitches): string | null {
  const gp = gpRegistration(c, switches);
  const country = ukCountry(c);
  if (gp) return country ? crossBorderCcg(country, gp.ccg, switches) : gp.ccg;
  return c.residence?.ccgCode ?? null;
}

function inArmedForcesCohort(c: ResolvedCase, switches: WhoPaysSwitches): boolean {
  if (!c.armedForces) return false;
  return (
    ARMED_FORCES_COHORT.includes(c.armedForces) ||
    (c.armedForces === 'veteran' && switches.veterans === 'nhs_england')
  );
}

/** The decision for a validated, resolved case. */
export function decideResolved(c: ResolvedCase, switches: WhoPaysSwitches): WhoPaysDecision {
  const service = c.service;
  const armedForces = inArmedForcesCohort(c, switches);

  // R0: a service NHS England, a local authority or PHE commissions is no CCG's (s3(1E)).
  if (service.commissioner !== 'ccg') {
    if (service.commissioner === 'local_authority') {
      if (c.detainedIn && switches.detainedPublicHealth === 'nhs_england') {
        return decision(
          'R7',
          NHS_ENGLAND,
          `service ${service.id} for a person detained in a ${c.detainedIn}: public health in secure settings is an s7A service of NHS England (switch detainedPublicHealth)`,
        );
      }
      const utla = c.residence?.utlaCode ?? null;
      return decision(
        'R0',
        { kind: 'local_authority', code: utla },
        `service ${service.id} is commissioned by the local authority, not a CCG: ${service.legalRef}; ${
          utla
            ? `upper-tier authority ${utla} of LSOA ${c.residence?.code}`
            : 'the authority cannot be named: the case gives no LSOA of residence'
        }`,
      );
    }
    return decision(
      'R0',
      { kind: service.commissioner, code: null },
      `service ${service.id} is commissioned by ${service.commissioner === 'phe' ? 'Public Health England' : 'NHS England'}, not a CCG: ${service.legalRef}`,
    );
  }

  // R1: emergency care of every person present in the CCG's area (s3(1C), Sch 1 para 2(a)).
  if (service.emergency) {
    if (c.detainedIn && switches.prisonerEmergencyCare === 'nhs_england') {
      return decision(
        'R7',
        NHS_ENGLAND,
        `emergency care of a person detained in a ${c.detainedIn} is NHS England's (switch prisonerEmergencyCare)`,
      );
    }
    if (armedForces && switches.armedForcesEmergencyCare === 'nhs_england') {
      return decision(
        'R8',
        NHS_ENGLAND,
        `emergency care of the armed forces cohort (${c.armedForces}) is NHS England's (switch armedForcesEmergencyCare)`,
      );
    }
    if (!c.presentCcg) {
      return decision(
        'R1',
        UNDETERMINED,
        `service ${service.id}: the CCG where the person is present is responsible (SI 2012/2996 Sch 1 para 2(a)), and the case gives no present_in_ccg`,
      );
    }
    const host = ccg(c.presentCcg);
    const reason = `service ${service.id}: the CCG where the person is present (${c.presentCcg}) is responsible for every person present in its area (NHS Act 2006 s3(1C); SI 2012/2996 Sch 1 para 2(a); SI 2013/350 reg 2(3)(a))`;
    if (switches.emergencyPayment === 'host_ccg') {
      return decision(
        'R1',
        host,
        `${reason}, and pays (switch emergencyPayment host_ccg: whether s14Z7 moves the payment is unconfirmed)`,
      );
    }
    const payerCcg = normalCcg(c, switches);
    return {
      responsible: host,
      payer: payerCcg ? ccg(payerCcg) : host,
      ruleId: 'R1',
      reason: payerCcg
        ? `${reason}; CCG ${payerCcg}, of the person's registration or residence, pays (s14Z7, switch emergencyPayment)`
        : `${reason}, and pays: the person has no English registration or residence (s14Z7, switch emergencyPayment)`,
    };
  }

  // R7: persons detained in a prison, YOI or IRC (SI 2012/2996 reg 10(1)).
  if (c.detainedIn) {
    return decision(
      'R7',
      NHS_ENGLAND,
      `a person detained in a ${c.detainedIn}: NHS England arranges their community and secondary care (SI 2012/2996 reg 10(1); NHS Act 2006 s3(1E))`,
    );
  }

  // R8: serving members, DMS-registered families, mobilised reservists (and veterans by switch).
  if (armedForces) {
    return decision(
      'R8',
      NHS_ENGLAND,
      `armed forces (${c.armedForces}): NHS England commissions their secondary and community care (NHS Act 2006 s3(1E))`,
    );
  }

  // R2: placements (SI 2012/2996 Sch 1 para 2(b) and 3 for adults, 2(c) and 4 for children): into
  // another CCG's area (adults), or another CCG's or Local Health Board's (children). A person whose
  // residence is outside those areas (Scotland, Northern Ireland, abroad; Wales for adults) is not in one.
  const p = c.placement;
  const kind = c.residence?.kind;
  const outsideCcgAreas =
    kind === 'wales' || kind === 'scotland' || kind === 'northern_ireland' || kind === 'abroad';
  const outsideCcgAndLhbAreas = outsideCcgAreas && kind !== 'wales';
  if (
    !outsideCcgAreas &&
    p?.setting &&
    QUALIFYING_PLACEMENT_SETTINGS.includes(p.setting) &&
    p.continuingCare &&
    p.plannedService
  ) {
    return decision(
      'R2',
      ccg(p.placingCcg),
      `continuing care placement in a ${p.setting.replace('_', ' ')} arranged by CCG ${p.placingCcg}: it stays responsible for the accommodation and planned services (SI 2012/2996 Sch 1 para 2(b), para 3)`,
    );
  }
  if (c.lookedAfterPlacingCcg) {
    const livesIn = c.residence?.ccgCode ?? null;
    const registeredThere = livesIn !== null && c.registered?.ccgCode === livesIn;
    const inScope = switches.childPlacementScope === 'all_services' || p?.plannedService === true;
    if (!registeredThere && inScope && !outsideCcgAndLhbAreas) {
      return decision(
        'R2',
        ccg(c.lookedAfterPlacingCcg),
        `child placed out of area by CCG ${c.lookedAfterPlacingCcg} and not registered with a practice of the CCG where the child lives: the placing CCG stays responsible (SI 2012/2996 Sch 1 para 2(c), para 4; switch childPlacementScope ${switches.childPlacementScope})`,
      );
    }
  }

  // R3: s117 aftercare, 2013 to March 2016.
  if (c.s117Ccg) {
    return decision(
      'R3',
      ccg(c.s117Ccg),
      `s117 aftercare: CCG ${c.s117Ccg} was responsible immediately before detention (Mental Health Act 1983 s117; SI 2012/2996 reg 14 as in force to 31 March 2016)`,
    );
  }

  // R4: GP registration (s3(1A)(a)) with the reg 2(2) exclusions.
  const gp = gpRegistration(c, switches);
  const country = ukCountry(c);
  if (gp) {
    if (country) {
      const named = crossBorderCcg(country, gp.ccg, switches);
      const why = `usually resident in ${COUNTRY[country]} and ${gp.how}: s3(1A)(a) does not apply (SI 2013/350 reg 2(2)(a)-(c))`;
      return named
        ? decision(
            'R4',
            ccg(named),
            `${why}; the registering CCG under the cross-border protocol (switch crossBorderResidents)`,
          )
        : decision(
            'R4',
            UNDETERMINED,
            `${why}; the cross-border protocol or the ${COUNTRY[country]} health body decides, outside the English system (switch crossBorderResidents)`,
          );
    }
    return decision('R4', ccg(gp.ccg), `${gp.how}: NHS Act 2006 s3(1A)(a)`);
  }

  // R5: not registered with any CCG member: usual residence (s3(1A)(b)).
  const r = c.residence;
  const unregistered = notRegisteredWords(c);
  if (r?.ccgCode) {
    const where = r.kind === 'lsoa' ? `LSOA ${r.code} in CCG ${r.ccgCode}` : `CCG ${r.ccgCode}`;
    return decision(
      'R5',
      ccg(r.ccgCode),
      `${unregistered} and usually resident in ${where}: NHS Act 2006 s3(1A)(b)${r.kind === 'ccg' ? ' (Who Pays 2013 para 10: a CCG given as the place of residence)' : ''}`,
    );
  }
  if (r?.kind === 'lsoa') {
    return decision(
      'R5',
      UNDETERMINED,
      `${unregistered} and usually resident in LSOA ${r.code}, which in 2013 lay in CCG ${r.ccgCodes.join(' or ')}: the published lookup does not say which, so no CCG is named (NHS Act 2006 s3(1A)(b))`,
    );
  }
  if (country) {
    return decision(
      'R5',
      UNDETERMINED,
      `usually resident in ${COUNTRY[country]} and ${unregistered}: no English CCG is responsible (s3(1A)); the ${COUNTRY[country]} health body is`,
    );
  }

  // R6: resident outside the UK and not registered (Sch 1 para 2(h)).
  if (r?.kind === 'abroad') {
    return c.presentCcg
      ? decision(
          'R6',
          ccg(c.presentCcg),
          `resident outside the UK and ${unregistered}: the CCG where the person is present (${c.presentCcg}) (SI 2012/2996 Sch 1 para 2(h)); charging is a separate question`,
        )
      : decision(
          'R6',
          UNDETERMINED,
          'resident outside the UK and not registered: the CCG where the person is present is responsible (SI 2012/2996 Sch 1 para 2(h)), and the case gives no present_in_ccg',
        );
  }

  // No registration and no address at all.
  if (switches.noAddress === 'present_ccg' && c.presentCcg) {
    return decision(
      'R5',
      ccg(c.presentCcg),
      `not registered and no address given: treated as usually resident where present, CCG ${c.presentCcg} (switch noAddress; SI 2013/350 reg 3(4) by analogy)`,
    );
  }
  return decision(
    'R5',
    UNDETERMINED,
    switches.noAddress === 'present_ccg'
      ? 'not registered, no address and no present_in_ccg: no CCG can be named'
      : 'not registered and no address given: no CCG is named (switch noAddress undetermined)',
  );
}
