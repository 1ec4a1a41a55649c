import { api, PHONE_PATTERN } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { call } from '../../shared/api.ts';
import { type LoginValues, useSignInForm } from '../../shared/sign-in.ts';
import { tid } from '../../shared/testid.ts';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { useSsoT } from './sso-i18n.ts';

/** `/console/login`: staff sign-in. */
export function LoginPage() {
  const { t } = useTranslation();
  const { expired, next, busy, error, submit, alreadySignedIn } = useSignInForm();
  const ssoT = useSsoT();
  const [params] = useSearchParams();
  // Single sign-on shows only when the server has it configured; it comes back with ?sso_error=<code>.
  const sso = useQuery({ queryKey: ['sso-info'], queryFn: () => call(api.sso.ssoInfo), staleTime: 300_000 });
  const ssoError = params.get('sso_error');
  if (alreadySignedIn) return <Navigate to={next} replace />;
  const ssoHref = sso.data?.startUrl ? `${sso.data.startUrl}?returnTo=${encodeURIComponent(`/console${next}`)}` : null;

  return (
    <div className="console-login">
      <Card title={t('login.consoleTitle')} extra={<LangSwitch />} style={{ width: 420, maxWidth: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {expired && <Alert type="warning" showIcon title={t('common.sessionExpired')} {...tid('session-expired')} />}
          {error && <Alert type="error" showIcon title={error} {...tid('login-error')} />}
          {ssoError && <Alert type="error" showIcon title={ssoT.error(ssoError)} {...tid('sso-error')} />}
          {ssoHref && (
            <>
              <Button size="large" block href={ssoHref} {...tid('sso-login')}>
                {sso.data?.label ?? ssoT.button()}
              </Button>
              <Divider plain style={{ margin: '8px 0 0' }}>
                {ssoT.or()}
              </Divider>
            </>
          )}
        </Space>
        <Form<LoginValues>
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          style={{ marginTop: 12 }}
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
            <Input
              size="large"
              autoComplete="username"
              maxLength={11}
              placeholder={t('login.phonePlaceholder')}
              {...tid('login-phone')}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('fields.password')}
            rules={[{ required: true, message: t('common.required', { field: t('fields.password') }) }]}
          >
            <Input.Password
              size="large"
              autoComplete="current-password"
              placeholder={t('login.passwordPlaceholder')}
              {...tid('login-password')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} {...tid('login-submit')}>
            {t('common.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
