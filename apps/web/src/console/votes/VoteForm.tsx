import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useVoteT } from '../../i18n/votes.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { applyFieldErrors } from '../forms.ts';

interface Values {
  title: string;
  question: string;
  kind: 'yes_no' | 'single' | 'multiple';
  options?: string;
  maxChoices?: number;
  electorate: 'residents' | 'households' | 'owners';
  scopeNodeIds?: string[];
  secret: boolean;
  changeable: boolean;
  proxyAllowed: boolean;
  preset: 'simple_majority' | 'art278_ordinary' | 'art278_major' | 'custom';
  pNum?: number;
  pDen?: number;
  aNum: number;
  aDen: number;
  aStrict: boolean;
  byArea: boolean;
  deadline: Dayjs;
}

/** Drafts a vote: question, options, electorate and scope, ballot rules, thresholds and deadline. */
export function VoteForm(props: {
  communityId: string;
  proposalId?: string;
  defaults?: { title?: string; question?: string };
  onCreated: (id: string) => void;
}) {
  const { t } = useVoteT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const preset = Form.useWatch('preset', form);
  const electorate = Form.useWatch('electorate', form);
  const buildings = useQuery({
    queryKey: ['vote-scope', props.communityId],
    queryFn: () => call(api.org.orgTree, { query: { rootId: props.communityId, maxType: 'building' } }),
  });
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const custom = v.preset === 'custom';
      const res = await call(api.votes.createVote, {
        params: { id: props.communityId },
        body: {
          ...(props.proposalId ? { proposalId: props.proposalId } : {}),
          title: v.title,
          question: v.question,
          kind: v.kind,
          ...(v.kind !== 'yes_no'
            ? {
                options: (v.options ?? '')
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(v.kind === 'multiple' && v.maxChoices ? { maxChoices: v.maxChoices } : {}),
          electorate: v.electorate,
          ...(v.scopeNodeIds?.length ? { scopeNodeIds: v.scopeNodeIds } : {}),
          secret: v.secret,
          changeable: v.changeable,
          proxyAllowed: v.proxyAllowed,
          preset: v.preset,
          ...(custom
            ? {
                thresholds: {
                  participation: v.pNum && v.pDen ? { num: v.pNum, den: v.pDen, strict: false } : null,
                  approval: { num: v.aNum, den: v.aDen, strict: v.aStrict },
                  measures: v.byArea ? ['head', 'area'] : ['head'],
                },
              }
            : {}),
          deadline: v.deadline.toISOString(),
        },
      });
      form.resetFields();
      props.onCreated(res.id);
    } catch (e) {
      if (!applyFieldErrors(form, e, { '/thresholds/approval': 'aNum', '/thresholds/participation': 'pNum' }))
        message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const scopeOptions = (buildings.data?.nodes ?? [])
    .filter((n) => n.type === 'building' || n.type === 'grid')
    .map((n) => ({ value: n.id, label: n.name }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        title: props.defaults?.title ?? '',
        question: props.defaults?.question ?? '',
        kind: 'yes_no',
        electorate: 'owners',
        secret: true,
        changeable: true,
        proxyAllowed: true,
        preset: 'art278_major',
        aNum: 1,
        aDen: 2,
        aStrict: true,
        byArea: false,
        deadline: dayjs().add(7, 'day').hour(20).minute(0).second(0),
      }}
      {...tid('vote-form')}
    >
      <Form.Item name="title" label={t('form.title')} rules={[{ required: true, whitespace: true, max: 80 }]}>
        <Input {...tid('vote-form-title')} />
      </Form.Item>
      <Form.Item name="question" label={t('form.question')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
        <Input.TextArea rows={3} {...tid('vote-form-question')} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="kind" label={t('form.kind')}>
          <Select
            style={{ width: 200 }}
            options={(['yes_no', 'single', 'multiple'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            {...tid('vote-form-kind')}
          />
        </Form.Item>
        {kind === 'multiple' && (
          <Form.Item name="maxChoices" label={t('form.maxChoices')}>
            <InputNumber min={1} max={20} />
          </Form.Item>
        )}
      </Space>
      {kind !== 'yes_no' && (
        <Form.Item name="options" label={t('form.options')} extra={t('form.optionsHint')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} {...tid('vote-form-options')} />
        </Form.Item>
      )}
      <Form.Item name="electorate" label={t('form.electorate')}>
        <Select
          options={(['owners', 'households', 'residents'] as const).map((k) => ({
            value: k,
            label: t(`electorate.${k}`),
          }))}
          {...tid('vote-form-electorate')}
        />
      </Form.Item>
      <Form.Item name="scopeNodeIds" label={t('form.scope')} extra={t('form.scopeHint')}>
        <Select
          mode="multiple"
          allowClear
          options={scopeOptions}
          loading={buildings.isPending}
          {...tid('vote-form-scope')}
        />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item name="secret" label={t('form.secret')} valuePropName="checked">
          <Switch {...tid('vote-form-secret')} />
        </Form.Item>
        <Form.Item name="changeable" label={t('form.changeable')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="proxyAllowed" label={t('form.proxy')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Form.Item name="preset" label={t('form.preset')}>
        <Select
          options={(['art278_major', 'art278_ordinary', 'simple_majority', 'custom'] as const)
            .filter((k) => electorate === 'owners' || !k.startsWith('art278'))
            .map((k) => ({ value: k, label: t(`preset.${k}`) }))}
          {...tid('vote-form-preset')}
        />
      </Form.Item>
      {preset === 'custom' && (
        <Space wrap align="start">
          <Form.Item label={t('form.participation')}>
            <Space.Compact>
              <Form.Item name="pNum" noStyle>
                <InputNumber min={1} max={1000} style={{ width: 70 }} />
              </Form.Item>
              <Input disabled value="/" style={{ width: 32, textAlign: 'center' }} />
              <Form.Item name="pDen" noStyle>
                <InputNumber min={1} max={1000} style={{ width: 70 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t('form.approval')}>
            <Space.Compact>
              <Form.Item name="aNum" noStyle>
                <InputNumber min={1} max={1000} style={{ width: 70 }} />
              </Form.Item>
              <Input disabled value="/" style={{ width: 32, textAlign: 'center' }} />
              <Form.Item name="aDen" noStyle>
                <InputNumber min={1} max={1000} style={{ width: 70 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="aStrict" valuePropName="checked" label=" ">
            <Checkbox>{t('form.strict')}</Checkbox>
          </Form.Item>
          {electorate === 'owners' && (
            <Form.Item name="byArea" valuePropName="checked" label=" ">
              <Checkbox>{t('form.byArea')}</Checkbox>
            </Form.Item>
          )}
        </Space>
      )}
      <Form.Item name="deadline" label={t('form.deadline')} rules={[{ required: true }]}>
        <DatePicker showTime format="YYYY-MM-DD HH:mm" {...tid('vote-form-deadline')} />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void submit()} {...tid('vote-form-submit')}>
        {t('form.submit')}
      </Button>
    </Form>
  );
}
