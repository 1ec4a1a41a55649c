import { api, normalizeIdNumber, PHONE_PATTERN, type RouteOutput, validateIdNumber } from '@linli/contracts';
import { Button, Form, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call, errorText, fieldErrors, isApiError } from '../../shared/api.ts';
import { passwordRule } from '../../shared/password.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { AddressPicker } from './AddressPicker.tsx';
import { JoinProblem } from './JoinProblem.tsx';
import { TInput } from './TInput.tsx';

type JoinInfo = RouteOutput<typeof api.join.joinInfo>;

interface JoinValues {
  name: string;
  idNumber: string;
  phone: string;
  password?: string;
  address?: string;
}

/** Real-name application form; creates the account too when nobody is signed in. */
export function JoinForm({ token, info }: { token: string; info: JoinInfo }) {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const nav = useNavigate();
  const [form] = Form.useForm<JoinValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ code: string; text: string } | null>(null);
  const freeText = info.freeTextAddress || !info.addressTree.some((n) => n.type === 'building');
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = async (v: JoinValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const address = v.address?.trim();
      const r = await call(api.join.apply, {
        params: { token },
        body: {
          name: v.name.trim(),
          idNumber: normalizeIdNumber(v.idNumber),
          phone: v.phone.trim(),
          ...(me ? {} : { password: v.password }),
          ...(freeText ? { addressText: address } : { addressNodeId: address }),
        },
      });
      await refresh(r.csrfToken);
      Toast.show({ icon: 'success', content: t('join.submitted') });
      nav('/applications', { replace: true });
    } catch (e) {
      const byField = fieldErrors(e);
      const fields = Object.entries(byField).map(([k, msg]) => ({
        name: k === 'addressNodeId' || k === 'addressText' ? 'address' : k,
        errors: [msg],
      }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else setProblem({ code: isApiError(e) ? e.code : 'network', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        initialValues={me ? { name: me.user.name, phone: me.user.phone } : {}}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy} {...tid('join-submit')}>
            {t('join.submit')}
          </Button>
        }
        {...tid('join-form')}
      >
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[required(t('fields.name')), { min: 2, max: 30, message: t('validation.name') }]}
        >
          <TInput testId="join-name" autoComplete="name" placeholder={t('join.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('fields.idNumber')}
          rules={[
            required(t('fields.idNumber')),
            {
              validator: async (_r, value: unknown) => {
                if (typeof value === 'string' && value && validateIdNumber(value))
                  throw new Error(t('validation.idNumber'));
              },
            },
          ]}
        >
          <TInput testId="join-id-number" maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('fields.phone')}
          rules={[required(t('fields.phone')), { pattern: new RegExp(PHONE_PATTERN), message: t('validation.phone') }]}
        >
          <TInput testId="join-phone" type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" />
        </Form.Item>
        {!me && (
          <Form.Item
            name="password"
            label={t('fields.password')}
            description={t('validation.passwordHint')}
            rules={[required(t('fields.password')), passwordRule]}
          >
            <TInput testId="join-password" type="password" autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="address"
          label={t('fields.address')}
          rules={[{ required: true, message: t('join.addressRequired') }]}
        >
          {freeText ? (
            <TInput testId="join-address-text" placeholder={t('join.addressTextPlaceholder')} maxLength={120} />
          ) : (
            <AddressPicker nodes={info.addressTree} />
          )}
        </Form.Item>
      </Form>
      {problem && <JoinProblem token={token} code={problem.code} text={problem.text} />}
    </>
  );
}
