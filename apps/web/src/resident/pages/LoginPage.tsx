import { PHONE_PATTERN } from '@linli/contracts';
import { Button, Form, NoticeBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../shared/api.ts';
import { safeNext } from '../../shared/format.ts';
import { useSession, useSessionExpired } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { TInput } from '../components/TInput.tsx';

interface LoginValues {
  phone: string;
  password: string;
}

/** Sign in with mobile number and password; returns to `?next=` or the landing screen. */
export function LoginPage() {
  const { t } = useTranslation();
  const { me, signIn } = useSession();
  const expired = useSessionExpired();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'), '/');

  if (me && !busy) return <Navigate to={next} replace />;

  const submit = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.phone.trim(), v.password);
      nav(next, { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame title={t('login.title')}>
      {expired && (
        <NoticeBar
          content={t('common.sessionExpired')}
          color="alert"
          wrap
          className="card-gap"
          {...tid('session-expired')}
        />
      )}
      <Form
        layout="vertical"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy} {...tid('login-submit')}>
            {t('common.signIn')}
          </Button>
        }
        {...tid('login-form')}
      >
        <Form.Item
          name="phone"
          label={t('fields.phone')}
          rules={[
            { required: true, message: t('common.required', { field: t('fields.phone') }) },
            { pattern: new RegExp(PHONE_PATTERN), message: t('validation.phone') },
          ]}
        >
          <TInput
            testId="login-phone"
            type="tel"
            inputMode="numeric"
            autoComplete="username"
            maxLength={11}
            placeholder={t('login.phonePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          rules={[{ required: true, message: t('common.required', { field: t('fields.password') }) }]}
        >
          <TInput
            testId="login-password"
            type="password"
            autoComplete="current-password"
            placeholder={t('login.passwordPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error && (
        <div className="form-error" role="alert" {...tid('login-error')}>
          {error}
        </div>
      )}
      <p className="muted" style={{ padding: '0 16px' }}>
        {t('login.noAccount')}
      </p>
    </Frame>
  );
}
