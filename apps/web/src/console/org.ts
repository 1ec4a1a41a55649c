import { api, type OrgNodeType, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../shared/api.ts';

export type OrgNode = RouteOutput<typeof api.org.orgTree>['nodes'][number];

export interface TreeItem {
  key: string;
  title: string;
  node: OrgNode;
  children?: TreeItem[];
}

/** Nests the flat node list by `parentId`; nodes whose parent is not in the list become roots. */
export function buildTree(nodes: readonly OrgNode[], title: (n: OrgNode) => string = (n) => n.name): TreeItem[] {
  const items = new Map<string, TreeItem>(nodes.map((n) => [n.id, { key: n.id, title: title(n), node: n }]));
  const roots: TreeItem[] = [];
  for (const item of items.values()) {
    const parent = item.node.parentId ? items.get(item.node.parentId) : undefined;
    if (!parent) roots.push(item);
    else if (parent.children) parent.children.push(item);
    else parent.children = [item];
  }
  return roots;
}

/** `GET /api/org/tree` below a root, down to a node type. */
export function useOrgTree(rootId: string, maxType: OrgNodeType, enabled = true) {
  return useQuery({
    queryKey: ['org-tree', rootId, maxType],
    queryFn: () => call(api.org.orgTree, { query: { rootId, maxType } }),
    enabled,
  });
}
