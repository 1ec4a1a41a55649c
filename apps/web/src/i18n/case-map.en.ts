import type caseMapZh from './case-map.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The case map in English; same keys as `case-map.zh-CN.ts`. */
const caseMap: Strings<typeof caseMapZh> = {
  title: 'Case map',
  filters: { box: 'Inbox', category: 'Category' },
  legend: {
    title: 'Legend',
    ok: 'Within time limit',
    yellow: 'Nearly due',
    red: 'Overdue',
    none: 'No clock (closed, parked …)',
    approximate: 'Dashed edge: no pin, shown at its building',
    community: 'Community',
    grid: 'Grid',
    building: 'Building / courtyard',
  },
  summary: 'Cases on the map: {{count}}',
  omitted: '{{count}} more not shown (only the newest 2,000, or no place to show them)',
  noOutlines: 'No outlines in this area yet; only cases with a map pin are shown.',
  baseNote: 'Drawn from grid and building outlines, no online map service needed',
  popup: { open: 'Open case', approximate: 'No pin; shown at {{place}}' },
};

export default caseMap;
