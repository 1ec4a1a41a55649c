import { api, PHONE_PATTERN, type RouteOutput } from '@linli/contracts';
import { Button, Form } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { TInput } from '../components/TInput.tsx';
import { CategoryPicker } from './CategoryPicker.tsx';
import { HumanCheck } from './HumanCheck.tsx';
import { PhotoUploader } from './PhotoUploader.tsx';
import { TTextArea } from './TTextArea.tsx';

type Info = RouteOutput<typeof api.caseLinks.qrReportInfo>;
export type QrResult = RouteOutput<typeof api.caseLinks.qrReport>;

interface Values {
  name?: string;
  phone?: string;
  address?: string;
  categoryId?: string;
  description?: string;
  attachments?: string[];
  checkAnswer?: string;
}

const FIELDS = new Set(['name', 'phone', 'address', 'categoryId', 'description', 'attachments', 'checkAnswer']);

interface Props {
  token: string;
  info: Info;
  /** Fetch a fresh human check (each one is single-use). */
  refresh: () => Promise<unknown>;
  refreshing: boolean;
  onDone: (r: QrResult) => void;
}

/** Report without an account: name, phone, address, what and where, optional photos, and the human check. */
export function QrReportForm({ token, info, refresh, refreshing, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  const submit = async (v: Values) => {
    if (uploading) return setProblem(t('casesResident.photos.wait'));
    setBusy(true);
    setProblem(null);
    try {
      const r = await call(api.caseLinks.qrReport, {
        params: { token },
        body: {
          name: (v.name ?? '').trim(),
          phone: (v.phone ?? '').trim(),
          address: (v.address ?? '').trim(),
          categoryId: v.categoryId ?? '',
          description: (v.description ?? '').trim(),
          attachments: v.attachments ?? [],
          checkToken: info.check.token,
          checkAnswer: (v.checkAnswer ?? '').trim(),
        },
      });
      onDone(r);
    } catch (e) {
      const fields = Object.entries(fieldErrors(e))
        .filter(([k]) => FIELDS.has(k))
        .map(([k, msg]) => ({ name: k as keyof Values, errors: [msg] }));
      if (fields.length) form.setFields(fields);
      else setProblem(errorText(e));
      // The check is single-use: ask for a new one and let the neighbour answer again.
      form.setFieldValue('checkAnswer', '');
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ attachments: [] }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy} {...tid('qr-submit')}>
            {t('casesResident.report.submit')}
          </Button>
        }
        {...tid('qr-form')}
      >
        <Form.Item
          name="categoryId"
          label={t('casesResident.report.category')}
          rules={[{ required: true, message: t('casesResident.report.categoryRequired') }]}
        >
          <CategoryPicker items={info.categories} testId="qr-category" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('casesResident.report.description')}
          rules={[
            { required: true, message: t('casesResident.report.descriptionRequired') },
            { min: 5, max: 2000, message: t('casesResident.report.descriptionLength') },
          ]}
        >
          <TTextArea
            testId="qr-description"
            placeholder={t('casesResident.report.descriptionPlaceholder')}
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={2000}
            showCount
          />
        </Form.Item>
        <Form.Item name="attachments" label={t('casesResident.report.photos')}>
          <PhotoUploader testId="qr-photos" publicUpload onBusyChange={setUploading} />
        </Form.Item>
        <Form.Item name="address" label={t('casesResident.qr.address')} rules={required(t('casesResident.qr.address'))}>
          <TInput
            testId="qr-address"
            maxLength={200}
            placeholder={t('casesResident.qr.addressPlaceholder', { place: info.placeName })}
          />
        </Form.Item>
        <Form.Item name="name" label={t('fields.name')} rules={required(t('fields.name'))}>
          <TInput testId="qr-name" maxLength={40} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('fields.phone')}
          description={t('casesResident.qr.phoneHint')}
          rules={[
            ...required(t('fields.phone')),
            { pattern: new RegExp(PHONE_PATTERN), message: t('validation.phone') },
          ]}
        >
          <TInput testId="qr-phone" type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="checkAnswer"
          label={
            <span className="check-label">
              {t('casesResident.qr.check')}
              <HumanCheck svg={info.check.svg} onRefresh={() => void refresh()} refreshing={refreshing} />
            </span>
          }
          rules={required(t('casesResident.qr.checkAnswer'))}
        >
          <TInput
            testId="qr-check-answer"
            inputMode="numeric"
            maxLength={3}
            placeholder={t('casesResident.qr.checkPlaceholder')}
          />
        </Form.Item>
      </Form>
      {problem && (
        <div className="form-error" {...tid('qr-error')}>
          {problem}
        </div>
      )}
    </>
  );
}
