/**
 * The case map (诉求地图): outlines of communities, grids and buildings and the caller's cases as points,
 * drawn by the console without a tile server. Cases without a map pin stand at their place's centre.
 */
import Type from 'typebox';
import { CASE_STATUSES } from '../cases/index.ts';
import { INBOXES } from './cases.ts';
import { NodeId, Uuid } from './common.ts';
import { defineRoute } from './route.ts';

/** How many cases one map shows at most (the newest). */
export const CASE_MAP_LIMIT = 2000;
export const OUTLINE_TYPES = ['community', 'grid', 'building'] as const;
export type OutlineType = (typeof OUTLINE_TYPES)[number];
/** SLA colour of a case's running time limit; `none` when no clock runs (closed, parked, cancelled…). */
export const MAP_COLOURS = ['ok', 'yellow', 'red', 'none'] as const;

/** `[lng, lat]` in WGS84. */
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });
/** GeoJSON Polygon: outer ring first, then holes. */
export const GeoPolygon = Type.Object({
  type: Type.Literal('Polygon'),
  coordinates: Type.Array(Type.Array(Position)),
});
/** `[minLng, minLat, maxLng, maxLat]`. */
export const BBox = Type.Array(Type.Number(), { minItems: 4, maxItems: 4 });

export const MapOutline = Type.Object({
  id: NodeId,
  name: Type.String(),
  type: Type.Enum(OUTLINE_TYPES),
  parentId: Type.Union([NodeId, Type.Null()]),
  geometry: GeoPolygon,
});

export const MapCase = Type.Object({
  id: Uuid,
  no: Type.String(),
  title: Type.String(),
  status: Type.Enum(CASE_STATUSES),
  categoryName: Type.String(),
  colour: Type.Enum(MAP_COLOURS),
  lat: Type.Number(),
  lng: Type.Number(),
  /** true: the reporter's map pin; false: the centre of the case's building, grid or community. */
  pinned: Type.Boolean(),
  placeName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CaseMap = Type.Object({
  outlines: Type.Array(MapOutline),
  cases: Type.Array(MapCase),
  /** Cases matching but left off the map (beyond the newest `CASE_MAP_LIMIT`, or with no place to stand). */
  omitted: Type.Integer(),
  bbox: Type.Union([BBox, Type.Null()]),
});

export const caseMap = defineRoute({
  method: 'GET',
  url: '/api/case-map',
  access: { action: 'case.read' },
  summary: "Outlines below a node (communities, grids, buildings) and the caller's cases there as points",
  tags: ['cases'],
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    box: Type.Optional(Type.Enum(INBOXES)),
    categoryId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  }),
  response: CaseMap,
});
