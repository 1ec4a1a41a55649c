import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { usePlacesT } from '../../i18n/places.ts';
import { call, errorText, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { pointerErrors } from './CompoundForm.tsx';

export type Organisation = RouteOutput<typeof api.registryPlaces.getOrganisation>;
type Node = RouteOutput<typeof api.org.orgTree>['nodes'][number];
interface Option {
  value: string;
  title: string;
  /** Shown once picked: "第一网格 2号楼". */
  label: string;
  selectable: boolean;
  children: Option[];
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Grids and buildings (courtyards) below the acting node, for the location picker. */
function placeOptions(nodes: Node[], rootId: string): Option[] {
  const kids = new Map<string, Node[]>();
  for (const n of nodes) if (n.parentId) kids.set(n.parentId, [...(kids.get(n.parentId) ?? []), n]);
  const walk = (id: string, above: string): Option[] =>
    (kids.get(id) ?? []).map((n) => ({
      value: n.id,
      title: n.name,
      label: `${above}${n.name}`,
      selectable: n.type === 'grid' || n.type === 'building',
      children: walk(n.id, `${above}${n.name} `),
    }));
  return walk(rootId, '');
}

/** Create or edit an organisation; the server checks the credit code and the location, field by field. */
export function OrganisationDrawer({
  org,
  onClose,
  onSaved,
}: {
  /** null: a new one. */
  org: Organisation | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t, tx } = usePlacesT();
  const { message } = App.useApp();
  const { acting } = useActing();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const tree = useQuery({
    queryKey: ['places-tree', acting.nodeId],
    queryFn: () => call(api.org.orgTree, { query: { rootId: acting.nodeId, maxType: 'building' } }),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const nodes = tree.data?.nodes ?? [];
    const root = nodes.find((n) => n.id === acting.nodeId);
    // A grid worker acts at the grid itself: offer it along with its buildings.
    return root?.type === 'grid'
      ? [
          {
            value: root.id,
            title: root.name,
            label: root.name,
            selectable: true,
            children: placeOptions(nodes, root.id).map((o) => ({ ...o, label: `${root.name} ${o.label}` })),
          },
        ]
      : placeOptions(nodes, acting.nodeId);
  }, [tree.data, acting.nodeId]);

  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      kind: v.kind,
      name: v.name,
      creditCode: blank(v.creditCode),
      nodeId: v.nodeId,
      address: blank(v.address),
      contactName: blank(v.contactName),
      contactPhone: blank(v.contactPhone),
      employees: v.employees ?? null,
      partyOrg: !!v.partyOrg,
      notes: blank(v.notes),
    };
    setSaving(true);
    try {
      if (org)
        await call(api.registryPlaces.updateOrganisation, {
          params: { id: org.id },
          body: { ...fields, status: v.status, version: org.version },
        });
      else await call(api.registryPlaces.createOrganisation, { body: fields });
      void message.success(t('saved'));
      await onSaved();
      onClose();
    } catch (e) {
      const errs = pointerErrors(e);
      form.setFields(errs);
      if (errs.length === 0) void message.error(errorText(e));
      if (isApiError(e) && e.status === 409) await onSaved();
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    try {
      await call(api.registryPlaces.deleteOrganisation, { params: { id: org!.id }, query: { version: org!.version } });
      await onSaved();
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open
      width="min(560px, 100vw)"
      title={org ? t('form.editTitle') : t('form.createTitle')}
      onClose={onClose}
      extra={
        <Space>
          {org && (
            <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove()}>
              <Button danger {...tid('org-delete')}>
                {t('remove')}
              </Button>
            </Popconfirm>
          )}
          <Button type="primary" loading={saving} onClick={() => void save()} {...tid('org-save')}>
            {t('save')}
          </Button>
        </Space>
      }
      {...tid('org-drawer')}
    >
      <Form form={form} layout="vertical" initialValues={org ?? { kind: 'shop', partyOrg: false }} {...tid('org-form')}>
        <Form.Item name="name" label={t('col.name')} rules={[{ required: true, max: 60 }]}>
          <Input maxLength={60} {...tid('org-name')} />
        </Form.Item>
        <Form.Item name="kind" label={t('col.kind')} rules={[{ required: true }]}>
          <Select
            options={api.registryPlaces.ORGANISATION_KINDS.map((k) => ({ value: k, label: tx(`kinds.${k}`) }))}
            {...tid('org-kind')}
          />
        </Form.Item>
        <Form.Item name="creditCode" label={t('col.creditCode')} extra={t('form.creditCodeHint')}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} {...tid('org-credit-code')} />
        </Form.Item>
        <Form.Item name="nodeId" label={t('form.node')} extra={t('form.nodeHint')} rules={[{ required: true }]}>
          <TreeSelect
            key={tree.data ? 'loaded' : 'loading'}
            treeData={options}
            loading={tree.isLoading}
            showSearch
            treeNodeFilterProp="title"
            treeNodeLabelProp="label"
            treeDefaultExpandAll
            {...tid('org-node')}
          />
        </Form.Item>
        <Form.Item name="address" label={t('form.address')}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label={t('form.contactName')}>
            <Input maxLength={40} {...tid('org-contact-name')} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('form.contactPhone')} tooltip={t('form.phoneHint')}>
            <Input maxLength={16} {...tid('org-contact-phone')} />
          </Form.Item>
        </Space>
        <Space wrap align="center">
          <Form.Item name="employees" label={t('form.employees')}>
            <InputNumber min={0} max={1000000} {...tid('org-employees')} />
          </Form.Item>
          <Form.Item name="partyOrg" label={t('form.partyOrg')} valuePropName="checked">
            <Switch {...tid('org-party')} />
          </Form.Item>
          {org && (
            <Form.Item name="status" label={t('col.status')}>
              <Select
                style={{ width: 120 }}
                options={api.registryPlaces.ORGANISATION_STATUSES.map((s) => ({
                  value: s,
                  label: tx(`statuses.${s}`),
                }))}
              />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="notes" label={t('form.notes')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
