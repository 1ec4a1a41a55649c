import { api, can } from '@linli/contracts';
import { Alert, Button, Col, Form, Row, Select, Space, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from '../../../shared/api.ts';
import { tid } from '../../../shared/testid.ts';
import { useActing } from '../../acting.tsx';
import { ActionModal } from '../../components/ActionModal.tsx';
import { useOrgTree } from '../../org.ts';
import { categoryOptions, filterCategory, useCategories } from '../categories.tsx';
import { type Field, type Preview, type Report, type RunBody, runImport } from './api.ts';

const REQUIRED: readonly Field[] = ['externalNo', 'description', 'address'];

interface Values {
  mapping: Partial<Record<Field, string>>;
  streetId: string;
  defaultCategoryId: string;
}

/** Streets under the acting node the user may import into (a street cadre: their own street). */
function useStreets() {
  const { acting, actor } = useActing();
  const tree = useOrgTree(acting.nodeId, 'street');
  return (tree.data?.nodes ?? []).filter((n) => n.type === 'street' && can(actor, 'case.import', { path: n.path }));
}

/**
 * Step 2: which column fills which field (prefilled from the server's suggestion), the street and the
 * default category; 「试运行」 checks every row without writing, 「导入」 asks once more and imports.
 */
export function ImportForm({ preview, onResult }: { preview: Preview; onResult: (r: Report) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const streets = useStreets();
  const categories = useCategories();
  const [busy, setBusy] = useState<'dry' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const only = streets.length === 1 ? streets[0]!.id : null;
  useEffect(() => {
    if (only && !form.getFieldValue('streetId')) form.setFieldValue('streetId', only);
  }, [only, form]);
  const columns = preview.headers.map((h) => ({ value: h, label: h }));

  const run = async (dryRun: boolean) => {
    const v = await form.validateFields();
    const mapping = Object.fromEntries(Object.entries(v.mapping).filter(([, h]) => h)) as RunBody['mapping'];
    try {
      onResult(
        await runImport(preview.id, { mapping, streetId: v.streetId, defaultCategoryId: v.defaultCategoryId, dryRun }),
      );
    } catch (e) {
      // Field errors (a column the file lacks, a retired category) go next to their field.
      if (isApiError(e) && e.errors.length) {
        form.setFields(
          e.errors.map((fe) => ({
            name: fe.path.replace(/^\//, '').split('/') as never,
            errors: [fe.message],
          })),
        );
      }
      throw e;
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ mapping: preview.suggestedMapping }}
      {...tid('case-import-form')}
    >
      <Row gutter={16}>
        {api.caseImports.IMPORT_FIELDS.map((f) => (
          <Col key={f} xs={24} sm={12} lg={6}>
            <Form.Item
              name={['mapping', f]}
              label={t(`caseImport.fields.${f}`)}
              rules={
                REQUIRED.includes(f)
                  ? [{ required: true, message: t('common.required', { field: t(`caseImport.fields.${f}`) }) }]
                  : []
              }
            >
              <Select
                allowClear={!REQUIRED.includes(f)}
                placeholder={t('caseImport.notMapped')}
                options={columns}
                {...tid(`case-import-map-${f}`)}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="streetId"
            label={t('caseImport.street')}
            rules={[{ required: true, message: t('common.required', { field: t('caseImport.street') }) }]}
          >
            <Select options={streets.map((s) => ({ value: s.id, label: s.name }))} {...tid('case-import-street')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="defaultCategoryId"
            label={t('caseImport.defaultCategory')}
            extra={t('caseImport.defaultCategoryHint')}
            rules={[{ required: true, message: t('common.required', { field: t('caseImport.defaultCategory') }) }]}
          >
            <TreeSelect
              showSearch
              treeExpandAction="click"
              treeData={categoryOptions(categories.data?.items ?? [], {
                stem: 'case-import-category',
                english: i18n.language === 'en',
                activeOnly: true,
              })}
              filterTreeNode={(input, node) => filterCategory(input, node as { name?: string })}
              {...tid('case-import-category')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button
          loading={busy === 'dry'}
          onClick={() => {
            setBusy('dry');
            setError(null);
            run(true)
              .catch((e: unknown) => {
                if (!(typeof e === 'object' && e !== null && 'errorFields' in e)) setError(errorText(e));
              })
              .finally(() => setBusy(null));
          }}
          {...tid('case-import-dry-run')}
        >
          {t('caseImport.dryRun')}
        </Button>
        <Button
          type="primary"
          onClick={() =>
            form.validateFields().then(
              () => setConfirming(true),
              () => undefined,
            )
          }
          {...tid('case-import-run')}
        >
          {t('caseImport.run')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={error} {...tid('case-import-error')} />}
      <ActionModal
        open={confirming}
        title={t('caseImport.run')}
        okText={t('caseImport.run')}
        testId="case-import-run"
        onOk={async () => {
          await run(false);
          setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      >
        {t('caseImport.runConfirm')}
      </ActionModal>
    </Form>
  );
}
