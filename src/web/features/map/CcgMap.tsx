/**
 * The SVG choropleth of CCG boundaries. This module pulls in d3-geo and topojson-client, so the map
 * page loads it with `import()`: other pages never download them.
 */
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type FocusEvent, type KeyboardEvent, type MouseEvent, useMemo, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapCcg } from '../../lib/api-types.ts';
import { formatInt } from '../../lib/format.ts';
import { CCG_OBJECT } from './ccg-object.ts';
import { rewindForD3 } from './rewind.ts';

const WIDTH = 560;
const HEIGHT = 680;
const NO_DATA = '#d8dde0';

export interface CcgMapProps {
  readonly topology: Topology;
  readonly items: readonly MapCcg[];
  /** Fill colour for a CCG. */
  readonly colourOf: (item: MapCcg) => string;
  /** Zoom to one region's CCGs (null: all England). */
  readonly regionCode: string | null;
  readonly onOpen: (code: string) => void;
  /**
   * What a CCG's colour means, for its accessible name and tooltip (default: its registered patients),
   * e.g. a category such as an authorisation outcome.
   */
  readonly describe?: (item: MapCcg) => string;
  /** The map's title (default: shaded by registered patients). */
  readonly title?: string;
}

interface Shape {
  readonly id: string;
  readonly d: string;
  readonly item: MapCcg | undefined;
  readonly inFocus: boolean;
}

interface Tip {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

type Geometry = Polygon | MultiPolygon;

function patients(item: MapCcg): string {
  return `${formatInt(item.registeredPatients)} registered patients`;
}

export default function CcgMap({
  topology,
  items,
  colourOf,
  regionCode,
  onOpen,
  describe = patients,
  title = 'Clinical commissioning groups in England, shaded by registered patients',
}: CcgMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  const collection = useMemo(() => {
    const object = topology.objects[CCG_OBJECT] as GeometryCollection | undefined;
    if (!object) return null;
    return rewindForD3(feature(topology, object) as FeatureCollection<Geometry>);
  }, [topology]);

  const byOnsCode = useMemo(
    () => new Map(items.filter((i) => i.onsCode).map((i) => [i.onsCode!, i])),
    [items],
  );

  const shapes = useMemo((): Shape[] => {
    if (!collection) return [];
    const focused = collection.features.filter(
      (f) => regionCode === null || byOnsCode.get(String(f.id))?.regionCode === regionCode,
    );
    const projection = geoTransverseMercator()
      .rotate([2, 0])
      .fitSize([WIDTH, HEIGHT], {
        type: 'FeatureCollection',
        features: focused.length ? focused : collection.features,
      });
    const path = geoPath(projection);
    const focusedIds = new Set(focused.map((f) => String(f.id)));
    return collection.features.map((f) => {
      const id = String(f.id);
      return {
        id,
        d: path(f) ?? '',
        item: byOnsCode.get(id),
        inFocus: regionCode === null || focusedIds.has(id),
      };
    });
  }, [collection, byOnsCode, regionCode]);

  if (!collection) {
    return (
      <p className="error-panel" role="alert">
        The boundary file has no “{CCG_OBJECT}” object, so the map cannot be drawn.
      </p>
    );
  }

  const place = (id: string, clientX: number, clientY: number) => {
    const rect = box.current?.getBoundingClientRect();
    if (rect) setTip({ id, x: clientX - rect.left, y: clientY - rect.top });
  };
  const onMove = (event: MouseEvent<SVGPathElement>, id: string) => place(id, event.clientX, event.clientY);
  const onFocus = (event: FocusEvent<SVGPathElement>, id: string) => {
    const r = event.currentTarget.getBoundingClientRect();
    place(id, r.left + r.width / 2, r.top + r.height / 2);
  };
  const onKey = (event: KeyboardEvent<SVGPathElement>, code: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(code);
    }
  };

  const tipShape = tip ? shapes.find((s) => s.id === tip.id) : undefined;
  const width = box.current?.clientWidth ?? WIDTH;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only hides the pointer tooltip; focus has its own handlers
    <div className="ccg-map" ref={box} onMouseLeave={() => setTip(null)}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="ccg-map__svg" aria-label="Map of CCGs in England">
        <title>{title}</title>
        <g>
          {shapes.map((s) =>
            s.item ? (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape acting as a link, as the map contract requires
              <path
                key={s.id}
                d={s.d}
                data-code={s.item.code}
                role="link"
                tabIndex={s.inFocus ? 0 : -1}
                aria-label={`${s.item.name}: ${describe(s.item)}`}
                className={`ccg-map__area${s.inFocus ? '' : ' ccg-map__area--context'}`}
                fill={colourOf(s.item)}
                onClick={() => onOpen(s.item!.code)}
                onKeyDown={(e) => onKey(e, s.item!.code)}
                onMouseMove={(e) => onMove(e, s.id)}
                onFocus={(e) => onFocus(e, s.id)}
                onBlur={() => setTip(null)}
              />
            ) : (
              <path key={s.id} d={s.d} className="ccg-map__area ccg-map__area--nodata" fill={NO_DATA}>
                <title>{`${s.id}: no CCG on this date`}</title>
              </path>
            ),
          )}
        </g>
        {tipShape && <path d={tipShape.d} className="ccg-map__highlight" />}
      </svg>
      {tip && tipShape?.item && (
        <div
          className={`map-tip${tip.x > width * 0.6 ? ' map-tip--left' : ''}`}
          style={{ left: tip.x, top: tip.y }}
          aria-hidden="true"
        >
          <strong>{tipShape.item.name}</strong>
          <span>{describe(tipShape.item)}</span>
          <span className="map-tip__meta">
            {formatInt(tipShape.item.practicesWithPatients)} practices with patients ·{' '}
            {tipShape.item.areaTeamName ?? 'no area team'}
          </span>
        </div>
      )}
    </div>
  );
}
