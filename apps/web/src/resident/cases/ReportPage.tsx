import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, Form, Switch, Toast } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { TInput } from '../components/TInput.tsx';
import { type CategoryItem, CategoryPicker } from './CategoryPicker.tsx';
import { type Duplicate, DuplicatesPopup } from './DuplicatesPopup.tsx';
import { type LatLng, LocationField } from './LocationField.tsx';
import { PhotoUploader } from './PhotoUploader.tsx';
import { homePlaces, PlacePicker } from './PlacePicker.tsx';
import { TTextArea } from './TTextArea.tsx';

interface Values {
  categoryId?: string;
  description?: string;
  placeId?: string;
  address?: string;
  attachments?: string[];
  public?: boolean;
}

/** Server field (first JSON-pointer segment) → form field. */
const FIELD: Record<string, keyof Values> = {
  categoryId: 'categoryId',
  description: 'description',
  placeId: 'placeId',
  address: 'address',
  attachments: 'attachments',
  public: 'public',
};

/** The "public" switch with its plain-words explanation beside it. */
function PublicSwitch({ checked, onChange }: { checked?: boolean; onChange?: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="switch-row">
      <span className="muted">{t('casesResident.report.publicHint')}</span>
      <Switch checked={!!checked} onChange={onChange} {...tid('report-public')} />
    </div>
  );
}

function ReportForm({ categories }: { categories: CategoryItem[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const places = useMemo(() => (me ? homePlaces(me, t) : []), [me, t]);
  const [location, setLocation] = useState<LatLng | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [dups, setDups] = useState<{ items: Duplicate[]; values: Values } | null>(null);

  const send = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await call(api.cases.reportCase, {
        body: {
          categoryId: v.categoryId ?? '',
          description: (v.description ?? '').trim(),
          placeId: v.placeId ?? '',
          ...(location ? { location } : {}),
          ...(v.address?.trim() ? { address: v.address.trim() } : {}),
          attachments: v.attachments ?? [],
          public: !!v.public,
          source: 'app',
        },
      });
      await qc.invalidateQueries({ queryKey: ['cases'] });
      Toast.show({ icon: 'success', content: t('casesResident.report.sent', { no: r.no }) });
      nav(`/cases/${r.id}`, { replace: true });
    } catch (e) {
      setDups(null);
      const fields = Object.entries(fieldErrors(e))
        .filter(([k]) => FIELD[k])
        .map(([k, msg]) => ({ name: FIELD[k]!, errors: [msg] }));
      if (fields.length) form.setFields(fields);
      else setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (v: Values) => {
    if (uploading) {
      Toast.show({ content: t('casesResident.photos.wait') });
      return;
    }
    setBusy(true);
    let items: Duplicate[] = [];
    try {
      const query = {
        categoryId: v.categoryId ?? '',
        placeId: v.placeId ?? '',
        text: v.description?.trim(),
        ...(location ?? {}),
      };
      items = (await call(api.cases.duplicateSuggestions, { query })).items;
    } catch {
      // suggestions are a courtesy: report anyway
    }
    setBusy(false);
    if (items.length) setDups({ items, values: v });
    else await send(v);
  };

  const required = (msg: string) => [{ required: true, message: msg }];
  return (
    <>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ placeId: places[0]?.id, public: false, attachments: [] }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy} {...tid('report-submit')}>
            {t('casesResident.report.submit')}
          </Button>
        }
        {...tid('report-form')}
      >
        <Form.Item
          name="categoryId"
          label={t('casesResident.report.category')}
          rules={required(t('casesResident.report.categoryRequired'))}
        >
          <CategoryPicker items={categories} testId="report-category" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('casesResident.report.description')}
          rules={[
            ...required(t('casesResident.report.descriptionRequired')),
            { min: 5, max: 2000, message: t('casesResident.report.descriptionLength') },
          ]}
        >
          <TTextArea
            testId="report-description"
            placeholder={t('casesResident.report.descriptionPlaceholder')}
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={2000}
            showCount
          />
        </Form.Item>
        <Form.Item name="attachments" label={t('casesResident.report.photos')}>
          <PhotoUploader testId="report-photos" onBusyChange={setUploading} />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t('casesResident.report.place')}
          rules={required(t('casesResident.report.placeRequired'))}
        >
          <PlacePicker choices={places} />
        </Form.Item>
        <Form.Item name="address" label={t('casesResident.report.address')}>
          <TInput testId="report-address" maxLength={200} placeholder={t('casesResident.report.addressPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('casesResident.location.label')}>
          <LocationField value={location} onChange={setLocation} />
        </Form.Item>
        <Form.Item name="public" label={t('casesResident.report.public')} valuePropName="checked">
          <PublicSwitch />
        </Form.Item>
      </Form>
      {problem && (
        <div className="form-error" {...tid('report-error')}>
          {problem}
        </div>
      )}
      <DuplicatesPopup
        items={dups?.items ?? null}
        busy={busy}
        onOpen={(id) => nav(`/cases/${id}`)}
        onClose={() => setDups(null)}
        onContinue={() => dups && void send(dups.values)}
      />
    </>
  );
}

/** `/report`: a resident reports a problem in their community. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const nav = useNavigate();
  const q = useQuery({
    queryKey: ['case-categories'],
    queryFn: () => call(api.categories.listCategories),
    staleTime: 5 * 60_000,
  });
  const en = i18n.language === 'en';
  const categories = useMemo(
    () =>
      (q.data?.items ?? [])
        .filter((c) => c.active)
        .map((c) => ({ id: c.id, name: en ? c.nameEn : c.name, parentId: c.parentId, kind: c.kind })),
    [q.data, en],
  );
  let body: React.ReactNode;
  if (!me?.homeCommunityId) {
    body = (
      <ErrorBlock status="empty" title={t('home.notJoined')} description="" {...tid('report-not-joined')}>
        <Button color="primary" onClick={() => nav('/applications')}>
          {t('applications.title')}
        </Button>
      </ErrorBlock>
    );
  } else if (q.isPending) body = <Loading />;
  else if (q.error) body = <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  else body = <ReportForm categories={categories} />;
  return (
    <Frame title={t('casesResident.report.title')} backTo="/cases">
      {body}
    </Frame>
  );
}
