import { api } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { TInput } from '../components/TInput.tsx';

interface Values {
  kind: ('residence' | 'dual')[];
  partyOrg: string;
  joinedOn?: string;
  workplace?: string;
  workplaceOrg?: string;
  serviceOffer?: string;
}

const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** `/party/checkin`: a party member checks in to the community they live in (双报到 adds the workplace). */
export function CheckInPage() {
  const t = useAffT();
  const { t: tc } = useTranslation();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [dual, setDual] = useState(false);
  const [busy, setBusy] = useState(false);
  const required = (field: string) => ({ required: true, message: tc('common.required', { field }) });

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await call(api.affiliations.applyAffiliation, {
        params: { id: me?.homeCommunityId ?? '' },
        body: {
          kind: 'party',
          party: {
            partyOrg: v.partyOrg.trim(),
            dual,
            joinedOn: opt(v.joinedOn),
            workplace: dual ? opt(v.workplace) : undefined,
            workplaceOrg: dual ? opt(v.workplaceOrg) : undefined,
            serviceOffer: opt(v.serviceOffer),
          },
        },
      });
      await qc.invalidateQueries({ queryKey: ['my-affiliations'] });
      Toast.show({ icon: 'success', content: t('checkin.submitted') });
      nav('/party', { replace: true });
    } catch (e) {
      const fields = Object.entries(fieldErrors(e)).map(([k, msg]) => ({ name: k.split('.').at(-1)!, errors: [msg] }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      Toast.show({ icon: 'fail', content: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame title={t('checkin.title')} backTo="/party">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: ['residence'] }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy} {...tid('checkin-submit')}>
            {t('checkin.submit')}
          </Button>
        }
        {...tid('checkin-form')}
      >
        <Form.Item name="kind" label={t('checkin.kind')}>
          <Selector
            options={[
              { value: 'residence', label: t('checkin.residence') },
              { value: 'dual', label: t('checkin.dual') },
            ]}
            onChange={(v) => setDual(v[0] === 'dual')}
            {...tid('checkin-kind')}
          />
        </Form.Item>
        <Form.Item name="partyOrg" label={t('checkin.partyOrg')} rules={[required(t('checkin.partyOrg'))]}>
          <TInput testId="checkin-party-org" maxLength={80} />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('checkin.joinedOn')}>
          <TInput testId="checkin-joined-on" type="date" />
        </Form.Item>
        {dual && (
          <>
            <Form.Item name="workplace" label={t('checkin.workplace')} rules={[required(t('checkin.workplace'))]}>
              <TInput testId="checkin-workplace" maxLength={80} />
            </Form.Item>
            <Form.Item
              name="workplaceOrg"
              label={t('checkin.workplaceOrg')}
              rules={[required(t('checkin.workplaceOrg'))]}
            >
              <TInput testId="checkin-workplace-org" maxLength={80} />
            </Form.Item>
          </>
        )}
        <Form.Item name="serviceOffer" label={t('checkin.serviceOffer')} description={t('checkin.serviceOfferHint')}>
          <TInput testId="checkin-service-offer" maxLength={200} />
        </Form.Item>
      </Form>
    </Frame>
  );
}
