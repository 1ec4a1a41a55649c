import { PHONE_PATTERN } from '@linli/contracts';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { type LoginValues, useSignInForm } from '../../shared/sign-in.ts';
import { tid } from '../../shared/testid.ts';
import { LangSwitch } from '../components/LangSwitch.tsx';

/** `/console/login`: staff sign-in. */
export function LoginPage() {
  const { t } = useTranslation();
  const { expired, next, busy, error, submit, alreadySignedIn } = useSignInForm();
  if (alreadySignedIn) return <Navigate to={next} replace />;

  return (
    <div className="console-login">
      <Card title={t('login.consoleTitle')} extra={<LangSwitch />} style={{ width: 420, maxWidth: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {expired && <Alert type="warning" showIcon title={t('common.sessionExpired')} {...tid('session-expired')} />}
          {error && <Alert type="error" showIcon title={error} {...tid('login-error')} />}
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
