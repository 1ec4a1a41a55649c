/** The fictional district 临江区: 2 streets, 6 communities (one a village), grids, buildings and rooms. */
export interface DemoNode {
  key: string;
  parentKey: string | null;
  type: string;
  kind: string | null;
  name: string;
  code: string | null;
}

const COMMUNITIES = [
  { key: 'A', street: 'street1', name: '银杏社区', code: '310199001001', kind: 'residential' },
  { key: 'B', street: 'street1', name: '梧桐社区', code: '310199001002', kind: 'residential' },
  { key: 'C', street: 'street1', name: '香樟社区', code: '310199001003', kind: 'residential' },
  { key: 'D', street: 'street2', name: '海棠社区', code: '310199101001', kind: 'residential' },
  { key: 'E', street: 'street2', name: '玉兰社区', code: '310199101002', kind: 'residential' },
  { key: 'F', street: 'street2', name: '桃源村', code: '310199101201', kind: 'village' },
] as const;

const COURTYARDS = ['东头院', '西头院', '河边院', '桥头院', '竹林院', '老井院', '祠堂院', '果园院'];

export function demoTree(): DemoNode[] {
  const out: DemoNode[] = [
    { key: 'district', parentKey: null, type: 'district', kind: null, name: '临江区', code: '310199' },
    { key: 'street1', parentKey: 'district', type: 'street', kind: 'street', name: '青松街道', code: '310199001' },
    { key: 'street2', parentKey: 'district', type: 'street', kind: 'town', name: '白鹭镇', code: '310199101' },
  ];
  for (const c of COMMUNITIES) {
    out.push({ key: c.key, parentKey: c.street, type: 'community', kind: c.kind, name: c.name, code: c.code });
    for (let g = 1; g <= 2; g++) {
      const grid = `${c.key}.grid${g}`;
      const gridName =
        c.kind === 'village' ? `第${g === 1 ? '一' : '二'}村民小组网格` : `第${g === 1 ? '一' : '二'}网格`;
      out.push({ key: grid, parentKey: c.key, type: 'grid', kind: null, name: gridName, code: `${c.code}0${g}` });
      if (c.kind === 'village') {
        for (let y = 1; y <= 4; y++) {
          const yard = `${c.key}.y${(g - 1) * 4 + y}`;
          out.push({
            key: yard,
            parentKey: grid,
            type: 'building',
            kind: 'courtyard',
            name: COURTYARDS[(g - 1) * 4 + y - 1]!,
            code: null,
          });
          for (let h = 1; h <= 6; h++)
            out.push({
              key: `${yard}.${h}`,
              parentKey: yard,
              type: 'room',
              kind: null,
              name: `${(g - 1) * 24 + (y - 1) * 6 + h}号`,
              code: null,
            });
        }
        continue;
      }
      for (let b = 1; b <= 2; b++) {
        const bn = (g - 1) * 2 + b;
        const building = `${c.key}.b${bn}`;
        out.push({
          key: building,
          parentKey: grid,
          type: 'building',
          kind: 'building',
          name: `${bn}号楼`,
          code: String(bn),
        });
        for (let u = 1; u <= 2; u++) {
          const unit = `${building}.u${u}`;
          out.push({ key: unit, parentKey: building, type: 'unit', kind: null, name: `${u}单元`, code: String(u) });
          for (let f = 1; f <= 4; f++)
            for (let r = 1; r <= 2; r++) {
              const room = `${f}0${r}`;
              out.push({
                key: `${unit}.${room}`,
                parentKey: unit,
                type: 'room',
                kind: null,
                name: `${room}室`,
                code: room,
              });
            }
        }
      }
    }
  }
  return out;
}

/** Where the demo residents live. */
export const HOMES: Record<string, string> = { 'A.home': 'A.b1.u1.302', 'D.home': 'D.b2.u2.101' };
