import { checkGrant, GRANTABLE, type OrgNodeType, ROLES, type Role } from '@linli/contracts';
import { Form, type FormInstance, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { buildTree, type TreeItem, useOrgTree } from '../org.ts';

/** Roles the signed-in user may hand out (from any of their grants). */
export function useGrantableRoles(): Role[] {
  const { actor } = useActing();
  return useMemo(() => {
    const set = new Set<Role>(actor.grants.flatMap((g) => GRANTABLE[g.role]));
    return ROLES.filter((r) => set.has(r));
  }, [actor]);
}

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: TreeOption[];
}

/** Role select plus a node picker over the acting subtree; nodes where the role can't be granted are disabled. */
export function GrantFields<T extends { role?: Role; nodeId?: string }>({
  form,
  prefix,
}: {
  form: FormInstance<T>;
  prefix: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { actor, acting } = useActing();
  const roles = useGrantableRoles();
  const tree = useOrgTree(acting.nodeId, 'building');
  const role = Form.useWatch('role', form) as Role | undefined;
  const treeData = useMemo(() => {
    const toOption = (i: TreeItem): TreeOption => ({
      value: i.node.id,
      title: `${i.node.name}(${labels.nodeType(i.node.type)})`,
      disabled: !role || checkGrant(actor, role, { path: i.node.path, type: i.node.type as OrgNodeType }) !== null,
      children: i.children?.map(toOption),
    });
    return buildTree(tree.data?.nodes ?? []).map(toOption);
  }, [tree.data, role, actor, labels]);

  return (
    <>
      <Form.Item
        name="role"
        label={t('people.role')}
        rules={[{ required: true, message: t('common.required', { field: t('people.role') }) }]}
      >
        <Select
          options={roles.map((r) => ({ value: r, label: labels.role(r) }))}
          optionRender={(o) => <span {...tid(`${prefix}-role-option-${o.value}`)}>{o.label}</span>}
          onChange={() => form.setFieldValue('nodeId' as never, undefined as never)}
          {...tid(`${prefix}-role`)}
        />
      </Form.Item>
      <Form.Item
        name="nodeId"
        label={t('people.node')}
        rules={[{ required: true, message: t('common.required', { field: t('people.node') }) }]}
      >
        <TreeSelect
          treeData={treeData}
          loading={tree.isPending}
          disabled={!role}
          treeDefaultExpandAll={(tree.data?.nodes.length ?? 0) < 60}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeTitleRender={(n) => <span {...tid(`${prefix}-node-option-${n.title}`)}>{n.title as string}</span>}
          {...tid(`${prefix}-node`)}
        />
      </Form.Item>
    </>
  );
}
