import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoBounds } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { CCG_OBJECT } from './ccg-object.ts';
import { rewindForD3, rewindGeometry, ringSignedArea } from './rewind.ts';

const HEMISPHERE = 2 * Math.PI;

// A 1° square near Darlington, wound anticlockwise (GeoJSON's right-hand rule).
const anticlockwise: Position[] = [
  [-2, 54],
  [-1, 54],
  [-1, 55],
  [-2, 55],
  [-2, 54],
];
const clockwise = anticlockwise.toReversed();

describe('ringSignedArea', () => {
  it('is positive for an anticlockwise ring and negative for a clockwise one', () => {
    expect(ringSignedArea(anticlockwise)).toBeGreaterThan(0);
    expect(ringSignedArea(clockwise)).toBeLessThan(0);
  });
});

describe('rewindGeometry', () => {
  it('makes an anticlockwise exterior ring small in d3 (it would otherwise cover the globe)', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [anticlockwise] };
    expect(geoArea(polygon)).toBeGreaterThan(HEMISPHERE);
    const rewound = rewindGeometry(polygon);
    expect(geoArea(rewound)).toBeLessThan(0.001);
  });

  it('leaves a clockwise exterior alone and winds holes the other way', () => {
    const hole: Position[] = [
      [-1.6, 54.4],
      [-1.4, 54.4],
      [-1.4, 54.6],
      [-1.6, 54.6],
      [-1.6, 54.4],
    ];
    const polygon: Polygon = { type: 'Polygon', coordinates: [clockwise, hole.toReversed()] };
    const rewound = rewindGeometry(polygon);
    expect(rewound.coordinates[0]).toEqual(clockwise);
    expect(ringSignedArea(rewound.coordinates[1]!)).toBeGreaterThan(0);
    expect(geoArea(rewound)).toBeLessThan(geoArea({ type: 'Polygon', coordinates: [clockwise] }));
  });
});

describe('the April 2013 CCG boundaries', () => {
  // The reference data sits beside the repository: <repo>/../shared/data/reference.
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const file = path.join(repoRoot, '..', 'shared', 'data', 'reference', 'geo', 'eng_ccg_2013.topojson');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const collection = rewindForD3(
    feature(topology, topology.objects[CCG_OBJECT] as GeometryCollection) as FeatureCollection<
      Polygon | MultiPolygon
    >,
  );

  it('has 211 features, each a small area inside England once rewound', () => {
    expect(collection.features).toHaveLength(211);
    for (const f of collection.features) {
      expect(geoArea(f), String(f.id)).toBeLessThan(0.001);
      const [[west, south], [east, north]] = geoBounds(f);
      expect(west).toBeGreaterThan(-7);
      expect(east).toBeLessThan(2);
      expect(south).toBeGreaterThan(49.8);
      expect(north).toBeLessThan(56);
    }
  });
});
