import { describe, expect, it } from 'vitest';
import type {
  ActivityReference,
  ReferencePractice,
  ReferenceTrust,
} from '../../modules/activity/reference-tables.ts';
import { createRng } from '../random.ts';
import { loadSyntheticDefinitions, type ProviderDefinitions } from './definitions.ts';
import { buildGeography, crossBorderShare, distanceKm, GridIndex, trustRoles } from './geography.ts';

const defs = loadSyntheticDefinitions();
const withOverrides = (lsoaPoolOverrides: Record<string, string>) => ({
  ...defs.population,
  residence: { ...defs.population.residence, lsoaPoolOverrides },
});
const population = withOverrides({});
const practice = (
  code: string,
  ccgCode: string | null,
  lat: number | null,
  lon: number | null,
  postcode: string,
  prescribingSetting = '4',
): ReferencePractice => ({
  code,
  ccgCode,
  memberships: ccgCode ? [{ ccgCode, from: '2013-04-01', to: null }] : [],
  lat,
  lon,
  postcode,
  prescribingSetting,
});
const trust = (code: string, name: string, lat: number | null, lon: number | null): ReferenceTrust => ({
  code,
  name,
  postcode: null,
  lat,
  lon,
  hostCcgCode: lat === null ? null : 'AAA',
});
const providers = (
  kinds: Partial<Record<keyof ProviderDefinitions['kinds'], string[]>>,
): ProviderDefinitions => ({
  ...defs.providers,
  kinds: {
    mental_health: { note: '', codes: kinds.mental_health ?? [] },
    community: { note: '', codes: kinds.community ?? [] },
    high_secure: { note: '', codes: kinds.high_secure ?? ['M1'] },
    specialist: { note: '', codes: kinds.specialist ?? [] },
  },
});

// Three CCGs along a line of longitude; CCC has no LSOA of its own.
const ref: ActivityReference = {
  ccgs: [
    { code: 'AAA', name: 'A' },
    { code: 'BBB', name: 'B' },
    { code: 'CCC', name: 'C' },
  ],
  practices: [
    practice('A1', 'AAA', 52.0, -1.0, 'AA1 1AA'),
    practice('A2', 'AAA', 52.0, -1.1, 'AA1 2AA'),
    practice('Y1', 'AAA', null, null, 'AA1 9ZZ'),
    practice('B1', 'BBB', 52.0, -0.5, 'BB1 1BB'),
    practice('X1', null, 52.0, -0.55, 'BB1 5BB'),
    practice('C1', 'CCC', 52.0, -1.2, 'CC1 1CC'),
    practice('PR', null, 52.0, -0.9, 'PP1 1PP', '25'),
    practice('YO', 'BBB', 52.0, -0.4, 'PP2 1PP', '16'),
  ],
  listSizes: [],
  lsoas: [
    { lsoaCode: 'E01000001', ccgCode: 'AAA', ccgCodes: ['AAA'], ladCode: 'L1', utlaCode: 'U1' },
    { lsoaCode: 'E01000002', ccgCode: 'BBB', ccgCodes: ['BBB'], ladCode: 'L2', utlaCode: 'U2' },
  ],
  trusts: [
    trust('T1', 'Near A Hospitals NHS Trust', 52.0, -1.05),
    trust('T2', 'Near B Hospitals NHS Trust', 52.0, -0.5),
    trust('M1', 'A Mental Health NHS Trust', 52.0, -1.0),
    trust('K1', 'A Community NHS Trust', 52.0, -1.0),
    trust('S1', 'A Specialist NHS Trust', 52.0, -1.0),
    trust('AMB', 'Somewhere Ambulance Service NHS Trust', 52.0, -1.0),
    trust('W1', 'Welsh NHS Trust', null, null),
  ],
};
const kinds = providers({ mental_health: ['M1'], community: ['K1'], specialist: ['S1'] });
const needed = new Set(['A1', 'A2', 'Y1', 'B1', 'X1', 'C1']);
const geo = buildGeography(ref, needed, population, kinds);

describe('buildGeography', () => {
  it('places a practice without a position at the mean of its postcode district', () => {
    const y1 = geo.practices.get('Y1')!;
    expect(y1.located).toBe('postcode_district');
    expect(y1.lat).toBeCloseTo(52.0);
    expect(y1.lon).toBeCloseTo(-1.05);
  });

  it('gives a practice in no CCG the CCG of its nearest practice, and a neighbour in another CCG', () => {
    const x1 = geo.practices.get('X1')!;
    expect(x1.ccgCode).toBeNull();
    expect(x1.homeCcg).toBe('BBB');
    expect(x1.neighbourCcg).toBe('AAA');
    expect(geo.practices.get('A1')!.neighbourCcg).toBe('CCC');
    expect(geo.practices.get('B1')!.neighbourPractice).toBe('A1');
  });

  it('keeps every cross-border share within the configured range', () => {
    const { minShare, maxShare } = defs.population.residence.crossBorder;
    for (const p of geo.practices.values()) {
      expect(p.crossBorderShare).toBeGreaterThanOrEqual(minShare);
      expect(p.crossBorderShare).toBeLessThanOrEqual(maxShare);
    }
  });

  it('registers prisoners at the nearest prison and YOI health centres', () => {
    expect(geo.practices.get('A1')!.prisonPractice).toBe('PR');
    expect(geo.practices.get('A1')!.yoiPractice).toBe('YO');
  });

  it('draws residents of a CCG without LSOAs from the nearest CCG that has some', () => {
    expect(geo.poolOf.get('CCC')).toBe('AAA');
    expect(geo.poolOf.get('AAA')).toBe('AAA');
    expect(geo.poolOf.get('BBB')).toBe('BBB');
  });

  it('or from the CCG the definitions name for it', () => {
    expect(buildGeography(ref, needed, withOverrides({ CCC: 'BBB' }), kinds).poolOf.get('CCC')).toBe('BBB');
    expect(() => buildGeography(ref, needed, withOverrides({ CCC: 'ZZZ' }), kinds)).toThrow(
      /lsoaPoolOverrides\.CCC: CCC must be a CCG and ZZZ a CCG with LSOAs/,
    );
  });

  it.each([
    { anchor: 'A1', kind: 'acute', providers: ['T1', 'T2'] },
    { anchor: 'B1', kind: 'acute', providers: ['T2', 'T1'] },
    { anchor: 'A1', kind: 'specialised', providers: ['S1', 'T1', 'T2'] },
    { anchor: 'A1', kind: 'community_services', providers: ['K1', 'T1', 'T2'] },
    { anchor: 'A1', kind: 'mental_health', providers: ['M1'] },
    { anchor: 'A1', kind: 'high_secure', providers: ['M1'] },
  ])('chooses $kind providers for $anchor nearest first', ({ anchor, kind, providers: expected }) => {
    const choice = geo.providerChoices.find((c) => c.anchor === anchor && c.kind === kind)!;
    expect(choice.providers).toEqual(expected);
    expect(choice.cumulative[choice.cumulative.length - 1]).toBe(1);
    expect([...choice.cumulative].sort((a, b) => a - b)).toEqual(choice.cumulative);
  });

  it('never chooses ambulance trusts or trusts without a position', () => {
    const chosen = new Set(geo.providerChoices.flatMap((c) => c.providers));
    expect(chosen.has('AMB')).toBe(false);
    expect(chosen.has('W1')).toBe(false);
    expect(geo.awayProviders).toEqual(['T1', 'T2']);
  });

  it('names a needed practice that cannot be placed', () => {
    const lost = { ...ref, practices: [...ref.practices, practice('Z9', null, null, null, '')] };
    expect(() => buildGeography(lost, new Set([...needed, 'Z9']), population, kinds)).toThrow(/Z9/);
  });
});

describe('trustRoles', () => {
  it.each([
    { kinds: { community: ['NOPE'] }, message: /NOPE is not a trust/ },
    { kinds: { community: ['K1'], specialist: ['K1'] }, message: /K1 is listed as both/ },
    { kinds: { mental_health: [], high_secure: ['M1'] }, message: /M1 is not also a mental health trust/ },
  ])('rejects $kinds', ({ kinds: k, message }) => {
    expect(() => trustRoles(ref.trusts, providers(k))).toThrow(message);
  });
});

describe('GridIndex', () => {
  it('finds exactly what a scan of every point finds', () => {
    const rng = createRng('grid-index-test');
    const points = Array.from({ length: 600 }, (_, i) => ({
      code: `P${String(i).padStart(3, '0')}`,
      group: rng.int(0, 5),
      lat: 50 + rng.next() * 5,
      lon: -5 + rng.next() * 6,
    }));
    const index = new GridIndex(points, (p) => p.code);
    for (let q = 0; q < 200; q++) {
      const from = { lat: 50 + rng.next() * 5, lon: -5 + rng.next() * 6 };
      const group = rng.int(0, 5);
      const scan = points
        .filter((p) => p.group !== group)
        .map((p) => ({ p, km: distanceKm(from.lat, from.lon, p.lat, p.lon) }))
        .sort((a, b) => a.km - b.km || (a.p.code < b.p.code ? -1 : 1))[0]!;
      const found = index.nearest(from, (p) => p.group !== group)!;
      expect(found.item.code).toBe(scan.p.code);
      expect(found.km).toBeCloseTo(scan.km, 9);
    }
  });
});

describe('crossBorderShare', () => {
  it.each([
    { km: 0, share: 0.09 },
    { km: 2.5, share: 0.01 + 0.08 * Math.exp(-1) },
    { km: 1000, share: 0.01 },
  ])('is $share at $km km', ({ km, share }) => {
    expect(crossBorderShare(km, { minShare: 0.01, maxShare: 0.09, decayKm: 2.5, basis: '' })).toBeCloseTo(
      share,
      12,
    );
  });
});
