import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type AccessRequest,
  type Actor,
  type Grant,
  type OwnerFacts,
  type PolicyContext,
  type RoleBook,
  type RoleDefinition,
  type RoleHolding,
  SCOPES,
} from '../../src/platform/auth/model.ts';
import { BOARD_ORG_TYPES, decide } from '../../src/platform/auth/policy.ts';
import { loadRoleBook } from '../../src/platform/auth/role-book.ts';
import { CLASSIFICATIONS } from '../../src/platform/http/route-access.ts';

/**
 * Properties of the access policy over generated actors, requests, registry facts and role books
 * (including role books that try to grant what the fixed rules forbid).
 */

const ORGS: Record<string, string> = {
  '00C': 'ccg',
  '00D': 'ccg',
  '08H': 'ccg',
  A83005: 'gp_practice',
  A83006: 'gp_practice',
  A83001: 'gp_practice',
  Q45: 'area_team',
  Y54: 'region',
  NHSCB: 'commissioning_board',
  E06000005: 'hwb',
  E06000047: 'hwb',
  'HW-E06000005': 'healthwatch',
  RTR: 'provider_foundation_trust',
  '0AR': 'csu',
};
const CODES = Object.keys(ORGS);
const HWB_CODES = CODES.filter((c) => ORGS[c] === 'hwb');
const ORG_TYPES = [...new Set(Object.values(ORGS))];
const REAL_BOOK = loadRoleBook();

const date = fc
  .integer({ min: 0, max: 4 * 365 })
  .map((d) => new Date(Date.UTC(2012, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

const grant: fc.Arbitrary<Grant> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  classification: fc.constantFrom(...CLASSIFICATIONS),
  scope: fc.constantFrom(...SCOPES),
});

/** Role books of any shape: any grants, held at any organisation types (or none: platform roles). */
const roleBook: fc.Arbitrary<RoleBook> = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
      orgTypes: fc.subarray(ORG_TYPES),
      grants: fc.array(grant, { maxLength: 8 }),
      effectiveFrom: fc.constant('2012-01-01'),
      effectiveTo: fc.option(date, { nil: null }),
    }),
    { selector: (r) => r.id, maxLength: 5 },
  )
  .map((roles) => ({
    roles: new Map(
      roles.map((r) => [
        r.id,
        {
          ...r,
          title: r.id,
          description: '',
          legalRef: '',
          source: '',
          confidence: 'confirmed',
          reviewedOn: '2026-01-01',
        } satisfies RoleDefinition,
      ]),
    ),
  }));

const anyBook = fc.oneof(fc.constant(REAL_BOOK), roleBook);

function holdingFor(roleIds: readonly string[]): fc.Arbitrary<RoleHolding> {
  return fc
    .record({
      assignmentId: fc.nat(),
      role: fc.constantFrom(...roleIds, 'unknown_role'),
      orgCode: fc.option(fc.constantFrom(...CODES), { nil: null }),
      startDate: date,
      endDate: fc.option(date, { nil: null }),
    })
    .map((h) => ({ ...h, orgType: h.orgCode ? ORGS[h.orgCode]! : null }));
}

const PERMISSION = fc.oneof(
  fc.tuple(fc.constantFrom(...ACTIONS), fc.constantFrom(...CLASSIFICATIONS)).map(([a, c]) => `${a}:${c}`),
  fc.constantFrom('delete:everything', 'read', ''),
);

function actorFor(book: RoleBook): fc.Arbitrary<Actor> {
  const ids = [...book.roles.keys(), ...REAL_BOOK.roles.keys()];
  return fc.oneof(
    fc.constant<Actor>({ kind: 'anonymous' }),
    fc
      .array(holdingFor(ids), { maxLength: 4 })
      .map((roles) => ({ kind: 'person', personId: 1, username: 'p', roles }) as Actor),
    fc
      .record({ orgCode: fc.constantFrom(...CODES), permissions: fc.array(PERMISSION, { maxLength: 6 }) })
      .map(
        ({ orgCode, permissions }) =>
          ({
            kind: 'api_token',
            tokenId: 1,
            name: 't',
            orgCode,
            orgType: ORGS[orgCode]!,
            permissions,
          }) as Actor,
      ),
  );
}

const request: fc.Arbitrary<AccessRequest> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  classification: fc.constantFrom(...CLASSIFICATIONS),
  ownerOrg: fc.option(fc.constantFrom(...CODES, 'ZZZ'), { nil: null }),
});

function contextFor(book: RoleBook, req: AccessRequest): fc.Arbitrary<PolicyContext> {
  return fc.record({ asAt: date, hwbs: fc.subarray(HWB_CODES) }).map(({ asAt, hwbs }) => {
    const code = req.ownerOrg;
    const owner: OwnerFacts | null =
      code && ORGS[code]
        ? { code, orgType: ORGS[code]!, overlappingHwbs: new Set(ORGS[code] === 'ccg' ? hwbs : []) }
        : null;
    return { asAt, roleBook: book, owner };
  });
}

/** A whole case: role book, actor, request and context. */
const scenario = anyBook.chain((book) =>
  fc
    .tuple(actorFor(book), request)
    .chain(([actor, req]) => contextFor(book, req).map((context) => ({ book, actor, req, context }))),
);

const inForce = (h: RoleHolding, asAt: string) =>
  h.startDate <= asAt && (h.endDate === null || asAt <= h.endDate);
const RUNS = { numRuns: 5000 };

describe('access policy properties', () => {
  it('public data: anyone may read it; anything else is refused to the anonymous', () => {
    fc.assert(
      fc.property(scenario, ({ actor, req, context }) => {
        const d = decide(actor, req, context);
        if (req.classification === 'public') expect(d.allow).toBe(true);
        else if (actor.kind === 'anonymous') expect(d.allow).toBe(false);
      }),
      RUNS,
    );
  });

  it('identifiable data: nobody without a role in force at the owning practice is ever allowed, whatever the role book says', () => {
    fc.assert(
      fc.property(scenario, ({ actor, req, context }) => {
        const atPractice =
          actor.kind === 'person' &&
          actor.roles.some(
            (h) => h.orgCode === req.ownerOrg && h.orgType === 'gp_practice' && inForce(h, context.asAt),
          );
        const d = decide(actor, { ...req, classification: 'identifiable_patient' }, context);
        if (!atPractice) expect(d.allow).toBe(false);
        if (d.allow) expect(d.via?.orgCode).toBe(req.ownerOrg);
      }),
      RUNS,
    );
  });

  it('a CCG (or the Board, an HWB or a token) never gets identifiable data, even from a role book that grants it', () => {
    fc.assert(
      fc.property(scenario, ({ actor, req, context }) => {
        const notPractice =
          actor.kind === 'api_token' ||
          (actor.kind === 'person' && actor.roles.every((h) => h.orgType !== 'gp_practice'));
        if (notPractice)
          expect(decide(actor, { ...req, classification: 'identifiable_patient' }, context).allow).toBe(
            false,
          );
      }),
      RUNS,
    );
  });

  it("pseudonymised data reached through a CCG role is always that CCG's own population", () => {
    fc.assert(
      fc.property(scenario, ({ actor, req, context }) => {
        const d = decide(actor, { ...req, classification: 'pseudonymised_patient' }, context);
        if (d.allow && d.via && ORGS[d.via.orgCode ?? ''] === 'ccg') expect(d.via.orgCode).toBe(req.ownerOrg);
      }),
      RUNS,
    );
  });

  it("another organisation's records are reached only through the Board, an overlapping HWB, or never", () => {
    fc.assert(
      fc.property(scenario, ({ actor, req, context }) => {
        const d = decide(actor, req, context);
        if (!d.allow || !d.via || req.classification === 'public' || d.via.orgCode === req.ownerOrg) return;
        if (req.ownerOrg === null) {
          // The platform's records: only platform roles, held at no organisation.
          expect(d.via.orgCode).toBeNull();
          return;
        }
        const holderType = ORGS[d.via.orgCode ?? ''];
        const viaBoard = holderType !== undefined && BOARD_ORG_TYPES.has(holderType);
        const viaHwb =
          holderType === 'hwb' &&
          context.owner?.orgType === 'ccg' &&
          context.owner.overlappingHwbs.has(d.via.orgCode!);
        expect(viaBoard || viaHwb).toBe(true);
        if (viaHwb) expect(req.classification).toBe('organisation_internal');
      }),
      RUNS,
    );
  });

  it('an API token acts only at its own organisation, and only as its permissions say', () => {
    fc.assert(
      fc.property(scenario, ({ actor, req, context }) => {
        if (actor.kind !== 'api_token' || req.classification === 'public') return;
        const d = decide(actor, req, context);
        if (d.allow) {
          expect(req.ownerOrg).toBe(actor.orgCode);
          expect(actor.permissions).toContain(`${req.action}:${req.classification}`);
        }
      }),
      RUNS,
    );
  });

  it('denial is the default: unknown actions and classifications, unknown roles and roles out of force grant nothing', () => {
    fc.assert(
      fc.property(scenario, fc.string(), ({ actor, req, context }, junk) => {
        fc.pre(
          !(ACTIONS as readonly string[]).includes(junk) &&
            !(CLASSIFICATIONS as readonly string[]).includes(junk),
        );
        expect(decide(actor, { ...req, classification: junk as never }, context).allow).toBe(false);
        expect(decide(actor, { ...req, action: junk as never }, context).allow).toBe(false);
        if (actor.kind !== 'person' || req.classification === 'public') return;
        const effective = actor.roles.filter(
          (h) => context.roleBook.roles.has(h.role) && inForce(h, context.asAt),
        );
        const trimmed = decide({ ...actor, roles: effective }, req, context);
        expect(trimmed).toEqual(decide(actor, req, context));
        if (effective.length === 0) expect(trimmed.allow).toBe(false);
      }),
      RUNS,
    );
  });

  it('monotonic in roles: holding one more role never takes an access away', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => holdingFor([...s.book.roles.keys()]).map((extra) => ({ ...s, extra }))),
        ({ actor, req, context, extra }) => {
          if (actor.kind !== 'person') return;
          if (decide(actor, req, context).allow) {
            expect(decide({ ...actor, roles: [...actor.roles, extra] }, req, context).allow).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('monotonic in the role book: taking grants away never gives an access', () => {
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.boolean()), ({ actor, req, context }, keep) => {
        const narrower: RoleBook = {
          roles: new Map(
            [...context.roleBook.roles].map(([id, r]) => [
              id,
              { ...r, grants: r.grants.filter(() => keep.next().value) },
            ]),
          ),
        };
        if (decide(actor, req, { ...context, roleBook: narrower }).allow) {
          expect(decide(actor, req, context).allow).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
