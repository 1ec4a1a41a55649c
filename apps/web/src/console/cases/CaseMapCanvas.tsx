import 'leaflet/dist/leaflet.css';
import './case-map.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { tid } from '../../shared/testid.ts';
import { type CaseMapData, caseLayers, metresPerPixel, outlineLayers, type PopupText } from './map-layers.ts';

interface Props {
  data: CaseMapData | undefined;
  text: PopupText;
  onOpen: (id: string) => void;
}

/** Zoom levels from which grid and building names show (below, they would only clutter). */
const LABEL_ZOOM = { grid: 15, building: 17 };
/** Cases at one spot fan out this many pixels apart. */
const FAN_PX = 16;
/** Room kept free for the legend (over the map's upper right corner) when fitting the box. */
const LEGEND_PX: [number, number] = [260, 24];

/**
 * The Leaflet map itself, with no tile layer: a plain background with the outlines on it. Fits the answer's
 * box when it changes (another node, another filter), keeps the view otherwise.
 */
export function CaseMapCanvas({ data, text, onOpen }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const outlines = useRef<L.LayerGroup | null>(null);
  const points = useRef<L.LayerGroup | null>(null);
  const fitted = useRef<string>('');
  const refan = useRef<((step: number) => void) | null>(null);
  const latest = useRef({ text, onOpen });
  latest.current = { text, onOpen };

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, {
      attributionControl: false,
      zoomSnap: 0.25,
      minZoom: 3,
      maxZoom: 20,
      center: [31.3, 121.4],
      zoom: 14,
    });
    const labels = () => {
      const z = m.getZoom();
      const c = m.getContainer().classList;
      c.toggle('case-map-hide-grid-labels', z < LABEL_ZOOM.grid);
      c.toggle('case-map-hide-building-labels', z < LABEL_ZOOM.building);
    };
    m.on('zoomend', labels);
    m.on('zoomend', () => refan.current?.(FAN_PX * metresPerPixel(m.getZoom(), m.getCenter().lat)));
    labels();
    outlines.current = L.layerGroup().addTo(m);
    points.current = L.layerGroup().addTo(m);
    map.current = m;
    // The container may get its final size after the first paint (menu, filters): measure again.
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      m.remove();
      map.current = null;
      refan.current = null;
      fitted.current = '';
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !data) return;
    outlines.current!.clearLayers();
    points.current!.clearLayers();
    outlineLayers(data.outlines, outlines.current!);
    const key = JSON.stringify(data.bbox);
    if (data.bbox && key !== fitted.current) {
      const [w, s, e, n] = data.bbox;
      m.fitBounds(
        [
          [s!, w!],
          [n!, e!],
        ],
        { paddingTopLeft: [24, 24], paddingBottomRight: LEGEND_PX, animate: false },
      );
      fitted.current = key;
    }
    const step = FAN_PX * metresPerPixel(m.getZoom(), m.getCenter().lat);
    const open = (id: string) => latest.current.onOpen(id);
    refan.current = caseLayers(data.cases, points.current!, latest.current.text, open, step);
  }, [data]);

  return <div ref={el} className="case-map-canvas" {...tid('case-map-canvas')} />;
}
