import type { api, RouteOutput } from '@linli/contracts';

export type PersonRow = RouteOutput<typeof api.registry.listPeople>['items'][number];
export type PersonCard = RouteOutput<typeof api.registry.getPerson>;
export type Room = RouteOutput<typeof api.registry.getRoom>;
export type TagDef = RouteOutput<typeof api.registry.listTags>['items'][number];
export type OrgNode = RouteOutput<typeof api.org.orgTree>['nodes'][number];

export interface TreeItem {
  key: string;
  title: string;
  type: string;
  isLeaf: boolean;
  children?: TreeItem[];
}

/** Building → unit → room tree below the acting node (grids and courtyards included), from the flat org list. */
export function buildTree(nodes: OrgNode[], rootId: string): TreeItem[] {
  const kids = new Map<string, OrgNode[]>();
  for (const n of nodes) if (n.parentId) kids.set(n.parentId, [...(kids.get(n.parentId) ?? []), n]);
  const walk = (id: string): TreeItem[] =>
    (kids.get(id) ?? []).map((n) => ({
      key: n.id,
      title: n.name,
      type: n.type,
      isLeaf: n.type === 'room',
      children: n.type === 'room' ? undefined : walk(n.id),
    }));
  return walk(rootId);
}

export const RESIDENCES = ['registered', 'permanent', 'floating', 'away'] as const;
export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'child_in_law',
  'other',
] as const;
export const OWNERSHIPS = ['owner_occupied', 'rented', 'vacant'] as const;
export const USES = ['residential', 'commercial', 'mixed', 'other'] as const;
