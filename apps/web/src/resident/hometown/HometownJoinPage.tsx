import { api, PHONE_PATTERN } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, Form, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { call, errorText, fieldErrors, isApiError } from '../../shared/api.ts';
import { passwordRule } from '../../shared/password.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { TInput } from '../components/TInput.tsx';

type Tie = (typeof api.affiliations.HOMETOWN_TIES)[number];
interface Values {
  name: string;
  phone: string;
  password?: string;
  tie: Tie[];
  livesIn: string;
  note?: string;
}

/** `/hometown/:id`: a village's 乡愁乡音 invitation — villagers far away sign up and ask to join. */
export function HometownJoinPage() {
  const t = useAffT();
  const { t: tc } = useTranslation();
  const id = useParams().id ?? '';
  const nav = useNavigate();
  const { me, refresh, loading } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['hometown', id],
    queryFn: () => call(api.affiliations.hometownInfo, { params: { id } }),
  });
  const member = me?.grants.some((g) => g.nodeId === id && g.role === 'hometown_member');
  const required = (field: string) => ({ required: true, message: tc('common.required', { field }) });

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const r = await call(api.affiliations.joinHometown, {
        params: { id },
        body: {
          name: v.name.trim(),
          phone: v.phone.trim(),
          ...(me ? {} : { password: v.password }),
          hometown: { tie: v.tie[0] ?? 'born', livesIn: v.livesIn, ...(v.note?.trim() ? { note: v.note } : {}) },
        },
      });
      await refresh(r.csrfToken);
      Toast.show({ icon: 'success', content: t('hometown.pending') });
      nav('/applications', { replace: true });
    } catch (e) {
      const fields = Object.entries(fieldErrors(e)).map(([k, msg]) => ({ name: k, errors: [msg] }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      Toast.show({ icon: 'fail', content: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame title={t('hometown.title')}>
      {q.isPending || loading ? (
        <Loading />
      ) : isApiError(q.error) && q.error.status === 404 ? (
        <ErrorBlock status="empty" title={tc('join.invalid')} description="" {...tid('hometown-invalid')} />
      ) : q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Card className="card-gap" {...tid('hometown-village')}>
            <h2 className="big-title">{t('hometown.joinTitle', { name: q.data.name })}</h2>
            <div className="muted">{t('hometown.where', { district: q.data.district, street: q.data.street })}</div>
            <p style={{ margin: '8px 0 0' }}>{t('hometown.intro')}</p>
          </Card>
          {member ? (
            <Button
              block
              color="primary"
              size="large"
              onClick={() => nav(`/hometown/${id}/board`)}
              {...tid('hometown-enter')}
            >
              {t('hometown.enter')}
            </Button>
          ) : (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ name: me?.user.name, phone: me?.user.phone }}
              onFinish={submit}
              footer={
                <Button block type="submit" color="primary" size="large" loading={busy} {...tid('hometown-submit')}>
                  {t('hometown.submit')}
                </Button>
              }
              {...tid('hometown-form')}
            >
              <Form.Item name="name" label={t('hometown.name')} rules={[required(t('hometown.name'))]}>
                <TInput testId="hometown-name" autoComplete="name" maxLength={30} />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('hometown.phone')}
                rules={[
                  required(t('hometown.phone')),
                  { pattern: new RegExp(PHONE_PATTERN), message: tc('validation.phone') },
                ]}
              >
                <TInput testId="hometown-phone" type="tel" inputMode="numeric" maxLength={11} />
              </Form.Item>
              {!me && (
                <Form.Item
                  name="password"
                  label={t('hometown.password')}
                  description={t('hometown.passwordHint')}
                  rules={[required(t('hometown.password')), passwordRule]}
                >
                  <TInput testId="hometown-password" type="password" autoComplete="new-password" />
                </Form.Item>
              )}
              <Form.Item name="tie" label={t('hometown.tie')} rules={[required(t('hometown.tie'))]}>
                <Selector
                  options={api.affiliations.HOMETOWN_TIES.map((v) => ({ value: v, label: t(`hometown.ties.${v}`) }))}
                  {...tid('hometown-tie')}
                />
              </Form.Item>
              <Form.Item name="livesIn" label={t('hometown.livesIn')} rules={[required(t('hometown.livesIn'))]}>
                <TInput testId="hometown-lives-in" maxLength={60} />
              </Form.Item>
              <Form.Item name="note" label={t('hometown.note')}>
                <TInput testId="hometown-note" maxLength={200} />
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </Frame>
  );
}
