import { readFileSync } from 'node:fs';
import type { Quarantine } from './quarantine.ts';

export interface BoundarySet {
  readonly objectName: string;
  /** The geometry ids (ONS codes) in file order. */
  readonly ids: readonly string[];
  readonly topology: Record<string, unknown>;
}

/**
 * Reads a TopoJSON topology and checks its shape: one named GeometryCollection of Polygon or
 * MultiPolygon geometries, each with a unique id. Geometries without an id, with another type, or
 * repeated are quarantined (reported against the file with the geometry's index as "line").
 */
export function parseTopojson(file: string, label: string, objectName: string, q: Quarantine): BoundarySet {
  let topology: Record<string, unknown>;
  try {
    topology = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${label}: not valid JSON (${(err as Error).message})`);
  }
  if (topology.type !== 'Topology' || !Array.isArray(topology.arcs)) {
    throw new Error(`${label}: not a TopoJSON Topology (type "${String(topology.type)}")`);
  }
  const objects = topology.objects as Record<string, { type?: string; geometries?: unknown[] }> | undefined;
  const collection = objects?.[objectName];
  if (collection?.type !== 'GeometryCollection' || !Array.isArray(collection.geometries)) {
    const names = Object.keys(objects ?? {}).join(', ') || 'none';
    throw new Error(`${label}: no GeometryCollection "${objectName}" (objects: ${names})`);
  }
  const ids: string[] = [];
  const kept: unknown[] = [];
  collection.geometries.forEach((g, i) => {
    const geometry = g as { type?: string; id?: unknown };
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      q.reject(
        label,
        i + 1,
        `geometry ${i + 1} is a ${String(geometry.type)}, not a Polygon or MultiPolygon`,
      );
    } else if (typeof geometry.id !== 'string' || geometry.id === '') {
      q.reject(label, i + 1, `geometry ${i + 1} has no id`);
    } else if (ids.includes(geometry.id)) {
      q.reject(label, i + 1, `geometry id ${geometry.id} appears more than once`);
    } else {
      ids.push(geometry.id);
      kept.push(g);
    }
  });
  const cleaned = { ...topology, objects: { [objectName]: { ...collection, geometries: kept } } };
  return { objectName, ids, topology: cleaned };
}
