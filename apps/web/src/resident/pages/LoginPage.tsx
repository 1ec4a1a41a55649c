import { PHONE_PATTERN } from '@linli/contracts';
import { Button, Form, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSignInForm } from '../../shared/sign-in.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { TInput } from '../components/TInput.tsx';

/** Sign in with mobile number and password; returns to `?next=` or the landing screen. */
export function LoginPage() {
  const { t } = useTranslation();
  const { expired, next, busy, error, submit, alreadySignedIn } = useSignInForm();
  if (alreadySignedIn) return <Navigate to={next} replace />;

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
