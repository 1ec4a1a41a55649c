/**
 * Leaflet layers of the case map: outlines with labels, SLA-coloured case points with popups. No tile layer:
 * the outlines are the base map. Popup contents are built as DOM nodes (text, never HTML) since titles and
 * place names come from users.
 */
import type { api, RouteOutput } from '@linli/contracts';
import L from 'leaflet';

export type CaseMapData = RouteOutput<typeof api.caseMap.caseMap>;
export type MapCase = CaseMapData['cases'][number];
type Outline = CaseMapData['outlines'][number];

/** Marker fill per SLA colour (antd's palette: green, gold, red, grey). */
export const COLOURS: Record<MapCase['colour'], string> = {
  ok: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
  none: '#8c8c8c',
};

export const OUTLINE_STYLE: Record<Outline['type'], L.PathOptions> = {
  community: { color: '#1677ff', weight: 2.5, fillColor: '#f0f7ff', fillOpacity: 0.9 },
  grid: { color: '#69b1ff', weight: 1.2, dashArray: '6 4', fillColor: '#ffffff', fillOpacity: 0.35 },
  building: { color: '#8c8c8c', weight: 1, fillColor: '#d9d9d9', fillOpacity: 0.95 },
};

/** Marks an SVG element for the browser tests (see TESTIDS.md). */
function mark(layer: L.Path, attrs: Record<string, string>) {
  const el = layer.getElement();
  if (el) for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
}

/** Outlines, largest first so buildings lie on grids on communities; each labelled with its name. */
export function outlineLayers(outlines: readonly Outline[], into: L.LayerGroup): void {
  const order: Outline['type'][] = ['community', 'grid', 'building'];
  for (const type of order)
    for (const o of outlines.filter((x) => x.type === type)) {
      const ring = (r: number[][]) => r.map(([lng, lat]) => L.latLng(lat!, lng!));
      const layer = L.polygon(o.geometry.coordinates.map(ring), {
        ...OUTLINE_STYLE[type],
        interactive: false,
        className: `case-map-outline case-map-outline-${type}`,
      });
      layer.bindTooltip(o.name, {
        permanent: true,
        direction: 'center',
        className: `case-map-label case-map-label-${type}`,
      });
      layer.addTo(into);
      mark(layer, { 'data-testid': 'case-map-outline', 'data-type': type, 'data-id': o.id });
    }
}

/** Metres one screen pixel spans at a zoom level and latitude (Web Mercator). */
export const metresPerPixel = (zoom: number, lat: number) =>
  (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / 2 ** (zoom + 8);

/**
 * Points sharing one spot (cases without a pin stand at their building's centre) fan out on a small
 * sunflower spiral, about `step` metres apart, so each stays visible and clickable.
 */
export function spread(cases: readonly MapCase[], step: number): Map<string, L.LatLng> {
  const groups = new Map<string, MapCase[]>();
  for (const c of cases) {
    const key = `${c.lat.toFixed(6)},${c.lng.toFixed(6)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out = new Map<string, L.LatLng>();
  for (const group of groups.values())
    for (const [k, c] of group.entries()) {
      const r = k === 0 ? 0 : step * Math.sqrt(k);
      const a = k * 2.39996; // the golden angle
      const dLat = (r * Math.sin(a)) / 111_320;
      const dLng = (r * Math.cos(a)) / (111_320 * Math.cos((c.lat * Math.PI) / 180));
      out.set(c.id, L.latLng(c.lat + dLat, c.lng + dLng));
    }
  return out;
}

export interface PopupText {
  status: (s: string) => string;
  open: string;
  approximate: (place: string) => string;
}

function popup(c: MapCase, text: PopupText, onOpen: (id: string) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'case-map-popup';
  box.setAttribute('data-testid', 'case-map-popup');
  const line = (cls: string, value: string) => {
    const el = document.createElement('div');
    el.className = cls;
    el.textContent = value;
    box.append(el);
  };
  line('case-map-popup-title', c.title);
  line('case-map-popup-meta', `${c.no} · ${c.categoryName}`);
  line('case-map-popup-meta', `${text.status(c.status)} · ${c.pinned ? c.placeName : text.approximate(c.placeName)}`);
  const a = document.createElement('a');
  a.href = `/console/cases/${c.id}`;
  a.textContent = text.open;
  a.setAttribute('data-testid', 'case-map-popup-open');
  a.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    onOpen(c.id);
  });
  box.append(a);
  return box;
}

/**
 * Case points coloured by SLA; a dashed grey edge for cases shown at their place rather than a pin.
 * Returns a function that fans out shared spots again for a new zoom level (`step` metres apart).
 */
export function caseLayers(
  cases: readonly MapCase[],
  into: L.LayerGroup,
  text: PopupText,
  onOpen: (id: string) => void,
  step: number,
): (step: number) => void {
  const at = spread(cases, step);
  const markers = new Map<string, L.CircleMarker>();
  // Oldest first, so the newest lie on top.
  for (const c of [...cases].reverse()) {
    const marker = L.circleMarker(at.get(c.id)!, {
      radius: 7,
      color: c.pinned ? '#ffffff' : '#434343',
      weight: c.pinned ? 2 : 1.5,
      dashArray: c.pinned ? undefined : '3 2',
      fillColor: COLOURS[c.colour],
      fillOpacity: 0.95,
      className: 'case-map-marker',
    });
    marker.bindPopup(() => popup(c, text, onOpen), { minWidth: 200, maxWidth: 280 });
    marker.addTo(into);
    markers.set(c.id, marker);
    mark(marker, {
      'data-testid': 'case-map-marker',
      'data-case-id': c.id,
      'data-colour': c.colour,
      'data-pinned': String(c.pinned),
    });
  }
  return (next) => {
    for (const [id, ll] of spread(cases, next)) markers.get(id)?.setLatLng(ll);
  };
}
