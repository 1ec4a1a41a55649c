import { api, PHONE_PATTERN } from '@linli/contracts';
import { App, Form, Input, Radio, Switch, TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../shared/api.ts';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { ActionModal } from '../components/ActionModal.tsx';
import { applyFieldErrors } from '../forms.ts';
import { buildTree, type OrgNode, type TreeItem, useOrgTree } from '../org.ts';
import { categoryOptions, filterCategory, useCategories } from './categories.tsx';
import { PhotoUpload } from './PhotoUpload.tsx';

export type EntrySource = 'phone' | 'visit' | 'patrol';

interface Values {
  source: EntrySource;
  categoryId: string;
  placeId: string;
  description: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  attachments?: string[];
  public?: boolean;
}

const PLACE_TYPES = ['community', 'grid', 'building'];
const PHONE = new RegExp(PHONE_PATTERN);

interface PlaceOption {
  value: string;
  title: ReactNode;
  name: string;
  disabled: boolean;
  children?: PlaceOption[];
}

const placeOptions = (items: TreeItem[]): PlaceOption[] =>
  items.map((i) => ({
    value: i.key,
    name: i.node.name,
    title: <span {...tid(`case-entry-place-option-${i.node.name}`)}>{i.node.name}</span>,
    disabled: !PLACE_TYPES.includes(i.node.type),
    children: i.children ? placeOptions(i.children) : undefined,
  }));

/** A cadre enters a phone call or a visit (with who called), or a grid worker reports from patrol. */
export function EntryModal({ sources, onClose }: { sources: EntrySource[] | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useCaseLabels();
  const { message } = App.useApp();
  const nav = useNavigate();
  const { acting } = useActing();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const categories = useCategories();
  const tree = useOrgTree(acting.nodeId, 'building', sources !== null);
  const desk = source === 'phone' || source === 'visit';
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const created = await call(api.cases.reportCase, {
        body: {
          source: v.source,
          categoryId: v.categoryId,
          placeId: v.placeId,
          description: v.description.trim(),
          address: v.address?.trim() || undefined,
          attachments: v.attachments?.length ? v.attachments : undefined,
          public: v.public ?? false,
          contact: desk ? { name: (v.contactName ?? '').trim(), phone: v.contactPhone ?? '' } : undefined,
        },
      });
      message.success(t('casesConsole.entry.created', { no: created.no }));
      onClose();
      nav(`/cases/${created.id}`);
    } catch (e) {
      if (!applyFieldErrors(form, e, { contact: 'contactName' })) throw e;
    }
  };
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <ActionModal
      open={sources !== null}
      title={t('casesConsole.entry.title')}
      testId="case-entry"
      okText={t('common.submit')}
      onOk={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ source: sources?.[0], public: false }}>
        <Form.Item name="source" label={t('casesConsole.entry.source')}>
          <Radio.Group optionType="button" {...tid('case-entry-source')}>
            {(sources ?? []).map((s) => (
              <Radio.Button key={s} value={s}>
                <span {...tid(`case-entry-source-${s}`)}>{labels.source(s)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {desk && (
          <>
            <Form.Item
              name="contactName"
              label={t('casesConsole.entry.contactName')}
              rules={[{ ...required(t('casesConsole.entry.contactName')), whitespace: true }]}
            >
              <Input maxLength={40} {...tid('case-entry-contact-name')} />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={t('casesConsole.entry.contactPhone')}
              rules={[{ required: true, pattern: PHONE, message: t('validation.phone') }]}
            >
              <Input maxLength={11} inputMode="tel" {...tid('case-entry-contact-phone')} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="categoryId"
          label={t('casesConsole.entry.category')}
          rules={[required(t('casesConsole.entry.category'))]}
        >
          <TreeSelect
            treeExpandAction="click"
            showSearch
            treeData={categoryOptions(categories.data?.items ?? [], {
              stem: 'case-entry-category',
              english: i18n.language === 'en',
              activeOnly: true,
              leavesOnly: true,
            })}
            filterTreeNode={(input, node) => filterCategory(input, node as { name?: string })}
            {...tid('case-entry-category')}
          />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t('casesConsole.entry.place')}
          rules={[required(t('casesConsole.entry.place'))]}
        >
          <TreeSelect
            key={tree.data ? 'loaded' : 'loading'}
            treeDefaultExpandAll
            showSearch
            loading={tree.isPending}
            treeData={placeOptions(buildTree((tree.data?.nodes ?? []) as OrgNode[]))}
            filterTreeNode={(input, node) => filterCategory(input, node as { name?: string })}
            {...tid('case-entry-place')}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('casesConsole.entry.description')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('casesConsole.entry.descriptionHint') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('casesConsole.entry.descriptionHint')}
            {...tid('case-entry-description')}
          />
        </Form.Item>
        <Form.Item name="address" label={t('casesConsole.entry.address')}>
          <Input maxLength={200} {...tid('case-entry-address')} />
        </Form.Item>
        <Form.Item name="attachments" label={t('casesConsole.entry.photos')}>
          <PhotoUpload testId="case-entry-photos" />
        </Form.Item>
        <Form.Item name="public" label={t('casesConsole.entry.public')} valuePropName="checked">
          <Switch {...tid('case-entry-public')} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
