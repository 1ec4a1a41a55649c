import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';

type Guide = RouteOutput<typeof api.guides.getGuide>;
type Summary = RouteOutput<typeof api.guides.listGuides>['items'][number];
type Category = (typeof api.guides.GUIDE_CATEGORIES)[number];

interface Values {
  category: Category;
  title: string;
  audience: string;
  materials: string;
  steps: string;
  place: string;
  hours: string;
  fees: string;
  onlineUrl: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** What is being edited: a new item, an existing one, or a community's own version of a district item. */
type Editing = { mode: 'new' } | { mode: 'edit'; guide: Guide } | { mode: 'override'; guide: Guide };

function GuideForm({ editing, onClose }: { editing: Editing | null; onClose: (saved: boolean) => void }) {
  const { t } = useBoardsT();
  const { acting } = useActing();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const g = editing && editing.mode !== 'new' ? editing.guide : null;
  const initial: Partial<Values> = g
    ? {
        category: g.category,
        title: g.title,
        audience: g.audience,
        materials: g.materials.join('\n'),
        steps: g.steps.join('\n'),
        place: g.place,
        hours: g.hours,
        fees: g.fees,
        onlineUrl: g.onlineUrl ?? '',
      }
    : { category: 'other' };
  const save = async (v: Values) => {
    setError(null);
    const fields = {
      category: v.category,
      title: v.title,
      audience: v.audience,
      materials: lines(v.materials ?? ''),
      steps: lines(v.steps ?? ''),
      place: v.place ?? '',
      hours: v.hours ?? '',
      fees: v.fees ?? '',
      onlineUrl: v.onlineUrl?.trim() ? v.onlineUrl.trim() : null,
    };
    try {
      if (editing?.mode === 'edit')
        await call(api.guides.updateGuide, {
          params: { id: editing.guide.id },
          body: { version: editing.guide.version, ...fields },
        });
      else
        await call(api.guides.createGuide, {
          body: {
            nodeId: acting.nodeId,
            ...(editing?.mode === 'override' ? { baseId: editing.guide.id } : {}),
            ...fields,
            faqs: g?.faqs ?? [],
          },
        });
      onClose(true);
    } catch (e) {
      setError(errorText(e));
      form.setFields(Object.entries(fieldErrors(e)).map(([name, m]) => ({ name: name as keyof Values, errors: [m] })));
    }
  };
  return (
    <Modal
      open={!!editing}
      title={
        editing?.mode === 'override'
          ? t('guides.override')
          : editing?.mode === 'edit'
            ? t('guides.edit')
            : t('guides.new')
      }
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t('guides.save')}
      okButtonProps={tid('guide-form-save')}
      width={720}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="category" label={t('posts.form.kind')} rules={[{ required: true }]}>
          <Select options={api.guides.GUIDE_CATEGORIES.map((c) => ({ value: c, label: t(`guides.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('posts.form.title')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input {...tid('guide-form-title')} />
        </Form.Item>
        <Form.Item
          name="audience"
          label={t('guides.audience')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input {...tid('guide-form-audience')} />
        </Form.Item>
        <Form.Item name="materials" label={`${t('guides.materials')}(${t('guides.lines')})`}>
          <Input.TextArea rows={4} {...tid('guide-form-materials')} />
        </Form.Item>
        <Form.Item name="steps" label={`${t('guides.steps')}(${t('guides.lines')})`}>
          <Input.TextArea rows={4} {...tid('guide-form-steps')} />
        </Form.Item>
        <Form.Item name="place" label={t('guides.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="hours" label={t('guides.hours')}>
          <Input maxLength={200} {...tid('guide-form-hours')} />
        </Form.Item>
        <Form.Item name="fees" label={t('guides.fees')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="onlineUrl" label={t('guides.online')}>
          <Input maxLength={300} placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 办事指南维护: the district's items and the acting community's own versions and additions. */
export function GuidesPage() {
  const { t } = useBoardsT();
  const { message } = App.useApp();
  const { acting, allowed } = useActing();
  const [editing, setEditing] = useState<Editing | null>(null);
  const isLevel = ['district', 'community'].includes(acting.nodeType);
  const q = useQuery({
    queryKey: ['guides-console', acting.nodeId],
    queryFn: () => call(api.guides.listGuides, { query: { nodeId: acting.nodeId } }),
    enabled: isLevel,
  });
  const open = async (s: Summary, mode: 'edit' | 'override') => {
    try {
      setEditing({ mode, guide: await call(api.guides.getGuide, { params: { id: s.id } }) });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Card
      size="small"
      title={t('guides.manage')}
      extra={
        isLevel &&
        allowed('guide.manage') && (
          <Button type="primary" onClick={() => setEditing({ mode: 'new' })} {...tid('guide-new')}>
            {t('guides.new')}
          </Button>
        )
      }
      {...tid('guides-page')}
    >
      {!isLevel && <Alert type="info" showIcon title={t('guides.empty')} />}
      {q.error && <Alert type="error" showIcon title={errorText(q.error)} />}
      <Table<Summary>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('posts.form.title'), dataIndex: 'title' },
          { title: t('posts.form.kind'), key: 'c', render: (_, g) => t(`guides.category.${g.category}`) },
          {
            title: '',
            key: 'node',
            render: (_, g) => <Tag color={g.nodeId === acting.nodeId ? 'blue' : 'default'}>{g.nodeName}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_, g) => (
              <Space size={0}>
                {g.nodeId === acting.nodeId && allowed('guide.manage') && (
                  <Button type="link" size="small" onClick={() => void open(g, 'edit')} {...tid('guide-edit')}>
                    {t('guides.edit')}
                  </Button>
                )}
                {g.nodeId !== acting.nodeId && acting.nodeType === 'community' && allowed('guide.manage') && (
                  <Button type="link" size="small" onClick={() => void open(g, 'override')} {...tid('guide-override')}>
                    {t('guides.override')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <GuideForm
        editing={editing}
        onClose={(saved) => {
          setEditing(null);
          if (saved) {
            void message.success(t('guides.saved'));
            void q.refetch();
          }
        }}
      />
    </Card>
  );
}
