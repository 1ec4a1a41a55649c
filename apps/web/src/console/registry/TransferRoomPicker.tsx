import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { buildTree, type TreeItem } from './model.ts';

/** Rooms are titled with their building and unit ("2号楼 1单元 101室"): names repeat across buildings. */
const pickable = (items: TreeItem[], prefix = ''): unknown[] =>
  items.map((n) => {
    const title = n.type === 'room' ? `${prefix}${n.title}` : n.title;
    const next = n.type === 'building' || n.type === 'unit' ? `${prefix}${n.title} ` : prefix;
    return {
      value: n.key,
      title,
      selectable: n.type === 'room',
      children: n.children ? pickable(n.children, next) : undefined,
    };
  });

/** The rooms of a community the caller can see (none when they cannot read its tree). */
export function useCommunityRooms(communityId: string | undefined) {
  return useQuery({
    queryKey: ['registry-tree', communityId],
    queryFn: () => call(api.org.orgTree, { query: { rootId: communityId!, maxType: 'room' } }),
    staleTime: 60_000,
    enabled: !!communityId,
    retry: false,
  });
}

/** Picks a room of a community (the server refuses one that is not empty, on the field). */
export function TransferRoomPicker({
  communityId,
  value,
  onChange,
  testId,
}: {
  communityId: string;
  value?: string;
  onChange?: (v: string) => void;
  testId: string;
}) {
  const tree = useCommunityRooms(communityId);
  return (
    <TreeSelect
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      treeNodeFilterProp="title"
      loading={tree.isLoading}
      treeData={pickable(buildTree(tree.data?.nodes ?? [], communityId)) as never}
      {...tid(testId)}
    />
  );
}
