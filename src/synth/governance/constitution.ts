/**
 * A constitution for one CCG in the shape of the NHS CB model constitution framework (REFERENCE.md
 * §2): name, area, members, decision making (scheme of reservation and delegation, committees and
 * quorum rules), conflicts of interest, transparency and public involvement. Synthetic text.
 */
import type { QuorumFallback, QuorumRule } from '../../modules/governance/model.ts';
import type { CcgContext } from './context.ts';
import {
  AUDIT_COMMITTEE_QUORUM,
  QUALITY_COMMITTEE_QUORUM,
  REMUNERATION_COMMITTEE_QUORUM,
} from './meetings.ts';
import type { SynthConstitution } from './types.ts';

const FALLBACK_TEXT: Record<QuorumFallback, string> = {
  defer: 'the item is deferred to the next meeting',
  refer_to_committee: 'the decision is referred to the governing body or another committee that is quorate',
  co_opt:
    'the chair co-opts members without the conflict (from a neighbouring CCG, the health and wellbeing board or the lay pool) to make the meeting quorate',
};

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function buildConstitution(ctx: CcgContext, governingBodyQuorum: QuorumRule): SynthConstitution {
  const { rng, ccg } = ctx;
  const limit = rng.pick([250_000, 500_000, 1_000_000]);
  const areas = ccg.localAuthorityNames;
  return {
    name: ctx.fullName,
    area: areas.length
      ? `The area covered by the registered lists of the member practices, lying within ${list(areas)}`
      : 'The area covered by the registered lists of the member practices',
    members: [...ccg.memberPracticeCodes],
    decisionMaking: {
      schemeOfReservationAndDelegation: [
        'Reserved to the members: approving the constitution and applying to the NHS Commissioning Board to vary it',
        'Reserved to the members: approving the arrangements for appointing the GP members of the governing body',
        'Reserved to the governing body: approving the commissioning plan and the annual budget',
        'Reserved to the governing body: awarding contracts worth more than £1 million a year',
        'Delegated to the audit committee: assurance on internal control, risk management and the registers of interests',
        'Delegated to the remuneration committee: the pay and terms of employees and of governing body members',
        `Delegated to the accountable officer: contracts and variations worth up to £${String(limit).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} a year`,
        'Delegated to the chief finance officer: the financial policies, and writing off losses within the limits set by the governing body',
      ],
      committees: [
        { name: 'Audit Committee', quorum: AUDIT_COMMITTEE_QUORUM },
        { name: 'Remuneration Committee', quorum: REMUNERATION_COMMITTEE_QUORUM },
        { name: 'Quality and Clinical Governance Committee', quorum: QUALITY_COMMITTEE_QUORUM },
      ],
      governingBodyQuorum,
    },
    conflictsOfInterest: [
      'The CCG keeps registers of the interests of its members, governing body and committee members and employees, and publishes them (s14O NHS Act 2006).',
      'Everyone declares an interest as soon as they are aware of it and in any event within 28 days; the registers are reviewed every year.',
      'At each meeting the chair asks for declarations on the agenda items and decides how each conflict is managed: the member leaves the room, or takes part in the discussion but does not vote.',
      'When the chair is conflicted the deputy chair, or another lay member, chairs the item.',
      `When recusals would leave a meeting of the governing body inquorate, ${FALLBACK_TEXT[governingBodyQuorum.fallback]}; for a committee, ${FALLBACK_TEXT[AUDIT_COMMITTEE_QUORUM.fallback]}.`,
      'Procurement decisions record who took part, the conflicts and how they were managed.',
    ].join(' '),
    transparency: [
      'Governing body meetings are held in public; papers are published at least seven days before and minutes after approval.',
      'An item is taken in private only for a recorded reason, such as commercial confidentiality or personal information.',
      'The CCG publishes its annual report and holds an annual general meeting.',
    ].join(' '),
    publicInvolvement: [
      'The lay member for patient and public involvement leads the arrangements for involving the public (s14Z2 NHS Act 2006).',
      `A patient reference group drawn from the practices' patient participation groups meets every quarter, and the CCG works with local Healthwatch${areas.length ? ` in ${list(areas)}` : ''}.`,
      'Proposals for significant service change are consulted on publicly, with the results reported to the governing body.',
    ].join(' '),
  };
}
