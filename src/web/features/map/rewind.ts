/**
 * d3-geo treats a polygon's exterior ring as CLOCKWISE and its holes as anticlockwise — the opposite
 * of GeoJSON's right-hand rule. A ring wound the other way encloses the rest of the globe, and its
 * path fills the whole map. `rewindForD3` winds every ring the way d3 expects.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed planar area of a lon/lat ring (shoelace); > 0 means anticlockwise. */
export function ringSignedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]!;
    const [x2, y2] = ring[i]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum;
}

function wound(ring: Position[], clockwise: boolean): Position[] {
  const isClockwise = ringSignedArea(ring) < 0;
  return isClockwise === clockwise ? ring : ring.toReversed();
}

function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => wound(ring, i === 0));
}

export function rewindGeometry<G extends Geometry>(geometry: G): G {
  if (geometry.type === 'Polygon') {
    return { ...geometry, coordinates: rewindPolygon((geometry as Polygon).coordinates) };
  }
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: (geometry as MultiPolygon).coordinates.map(rewindPolygon) };
  }
  return geometry;
}

export function rewindForD3<G extends Geometry, P>(
  collection: FeatureCollection<G, P>,
): FeatureCollection<G, P> {
  return {
    ...collection,
    features: collection.features.map(
      (f): Feature<G, P> => (f.geometry ? { ...f, geometry: rewindGeometry(f.geometry) } : f),
    ),
  };
}
