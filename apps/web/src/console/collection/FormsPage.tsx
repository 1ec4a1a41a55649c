import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Image, message, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { FormDesigner } from './FormDesigner.tsx';
import { useCollectionT } from './i18n.ts';
import { UrgeButton } from './UrgeButton.tsx';

/** `/collection`: the requester's forms; design one, send it, follow completion, roll-up and burden. */
export function FormsPage() {
  const t = useCollectionT();
  const qc = useQueryClient();
  const [designing, setDesigning] = useState(false);
  // `?form=` (the overdue notice's link) opens that form's board.
  const [params] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(params.get('form'));
  const forms = useQuery({ queryKey: ['forms'], queryFn: () => call(api.forms.listForms, {}) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} {...tid('collection-page')}>
      <Card
        title={t('title')}
        extra={
          <Button type="primary" onClick={() => setDesigning(true)} {...tid('collection-design')}>
            {t('design')}
          </Button>
        }
      >
        {forms.error && <Alert type="error" message={errorText(forms.error)} />}
        <Table
          rowKey="id"
          size="small"
          loading={forms.isPending}
          dataSource={forms.data?.items ?? []}
          locale={{ emptyText: t('empty') }}
          pagination={false}
          scroll={{ x: 640 }}
          onRow={(f) =>
            ({
              onClick: () => setSelected(f.id),
              style: { cursor: 'pointer' },
              ...tid(`collection-form-${f.id}`),
            }) as never
          }
          columns={[
            { title: t('formTitle'), dataIndex: 'title' },
            { title: t('fields'), dataIndex: 'fieldCount', width: 80 },
            { title: t('bound'), dataIndex: 'boundCount', width: 120 },
            { title: t('created'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
          ]}
        />
      </Card>
      {selected && <FormResults key={selected} id={selected} />}
      <FormDesigner
        open={designing}
        onClose={() => setDesigning(false)}
        onSaved={(id) => {
          setDesigning(false);
          setSelected(id);
          void qc.invalidateQueries({ queryKey: ['forms'] });
        }}
      />
    </Space>
  );
}

function FormResults({ id }: { id: string }) {
  const t = useCollectionT();
  const qc = useQueryClient();
  const { acting } = useActing();
  const form = useQuery({ queryKey: ['form', id], queryFn: () => call(api.forms.getForm, { params: { id } }) });
  const board = useQuery({
    queryKey: ['form-board', id],
    queryFn: () => call(api.forms.formBoard, { params: { id } }),
  });
  const burden = useQuery({
    queryKey: ['form-burden', id],
    queryFn: () => call(api.forms.formBurden, { params: { id } }),
  });
  const rollup = useQuery({
    queryKey: ['form-rollup', id],
    queryFn: () => call(api.forms.formRollup, { params: { id } }),
  });
  const tree = useQuery({
    queryKey: ['org-tree-grids', acting.nodeId],
    queryFn: () => call(api.org.orgTree, { query: { rootId: acting.nodeId, maxType: 'grid' } }),
  });
  const [targets, setTargets] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const targetOptions = (tree.data?.nodes ?? [])
    .filter((n) => n.type === 'community' || n.type === 'grid')
    .map((n) => ({
      value: n.id,
      label:
        n.type === 'grid' ? `${tree.data!.nodes.find((p) => p.id === n.parentId)?.name ?? ''} · ${n.name}` : n.name,
    }));

  const send = async () => {
    try {
      const r = await call(api.forms.sendForm, {
        params: { id },
        body: { version: form.data!.version, targetNodeIds: targets, deadline: new Date(deadline).toISOString() },
      });
      message.success(t('sent', { n: r.tasks.length }));
      setTargets([]);
      for (const k of ['form', 'form-board', 'form-burden', 'form-rollup'])
        void qc.invalidateQueries({ queryKey: [k, id] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const b = burden.data?.total;
  const columns = rollup.data?.columns ?? [];
  return (
    <Card title={form.data?.title} {...tid('collection-results')}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Select
          mode="multiple"
          style={{ minWidth: 320 }}
          placeholder={t('targets')}
          value={targets}
          onChange={setTargets}
          options={targetOptions}
          optionFilterProp="label"
          {...tid('collection-targets')}
        />
        <span style={{ alignSelf: 'center' }}>{t('deadline')}</span>
        {/* A native picker: its width is the browser's, so no addon that would squeeze it over the buttons. */}
        <input
          type="datetime-local"
          className="ant-input"
          style={{ width: 'auto' }}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          {...tid('collection-deadline')}
        />
        <Button
          type="primary"
          disabled={!targets.length || !deadline}
          onClick={() => void send()}
          {...tid('collection-send')}
        >
          {t('send')}
        </Button>
        <Button href={`/api/forms/${id}/export`} {...tid('collection-export')}>
          {t('export')}
        </Button>
      </div>
      {b && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} title={t('burden')} {...tid('collection-burden')}>
          <Descriptions.Item label={t('prefilled')}>{`${b.prefilled} / ${b.prefilled + b.typed}`}</Descriptions.Item>
          <Descriptions.Item label={t('typed')}>{b.typed}</Descriptions.Item>
          <Descriptions.Item label={t('duplicates')}>{b.duplicatesAvoided}</Descriptions.Item>
          <Descriptions.Item label={t('minutes')}>{b.minutesSaved}</Descriptions.Item>
        </Descriptions>
      )}
      <h4 style={{ marginTop: 16 }}>{t('board')}</h4>
      <Table
        rowKey="taskId"
        size="small"
        pagination={false}
        dataSource={board.data?.items ?? []}
        scroll={{ x: 600 }}
        {...tid('collection-board')}
        columns={[
          { title: t('target'), dataIndex: 'targetName' },
          { title: t('community'), dataIndex: 'communityName' },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: 'open' | 'submitted' | 'reopened' | 'registry', r) => (
              <Space>
                <Tag>{t(`taskStatus.${s}`)}</Tag>
                {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('deadline'), dataIndex: 'deadline', render: (v: string) => formatTime(v) },
          {
            key: 'urge',
            width: 90,
            render: (_, r) =>
              r.status === 'open' || r.status === 'reopened' ? <UrgeButton taskId={r.taskId} /> : null,
          },
        ]}
      />
      <h4 style={{ marginTop: 16 }}>{t('rollup')}</h4>
      <Table
        rowKey="nodeId"
        size="small"
        pagination={false}
        dataSource={rollup.data?.nodes ?? []}
        scroll={{ x: 200 + columns.length * 120 }}
        {...tid('collection-rollup')}
        columns={[
          {
            title: t('target'),
            dataIndex: 'name',
            fixed: 'left',
            width: 160,
            render: (v: string, r) => <span style={{ paddingLeft: r.depth * 8 }}>{v}</span>,
          },
          { title: t('answered'), dataIndex: 'answered', width: 80 },
          ...columns.map((c) => ({
            title: c.label,
            key: c.key,
            width: 120,
            render: (_: unknown, r: { values: Record<string, unknown>; taskId?: string }) =>
              c.type !== 'photo'
                ? show(r.values[c.key])
                : r.taskId
                  ? photos(r.taskId, r.values[c.key])
                  : `${Array.isArray(r.values[c.key]) ? (r.values[c.key] as unknown[]).length : 0} × ${t('types.photo')}`,
          })),
        ]}
      />
    </Card>
  );
}

/** A target's own photos, served through its task (only what its answers name); above a target, a count. */
function photos(taskId: string, v: unknown) {
  const ids = Array.isArray(v) ? (v as string[]) : [];
  return (
    <Image.PreviewGroup>
      {ids.map((id) => (
        <Image
          key={id}
          width={48}
          height={48}
          style={{ objectFit: 'cover' }}
          src={`/api/form-tasks/${taskId}/photos/${id}`}
        />
      ))}
    </Image.PreviewGroup>
  );
}

function show(v: unknown): string {
  if (v === null) return '<5';
  if (v === undefined) return '';
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' ? Object.values(x as object).join(' ') : String(x))).join('、');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, number>)
      .map(([k, n]) => `${k} ${n}`)
      .join('、');
  return String(v);
}
