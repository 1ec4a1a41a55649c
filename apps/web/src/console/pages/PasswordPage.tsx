import { api } from '@linli/contracts';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { passwordRule } from '../../shared/password.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  again: string;
}

/** Forced password change at first sign-in (the account still has the password it was created with). */
export function PasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh, signOut } = useSession();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = async (v: PasswordValues) => {
    setBusy(true);
    setError(null);
    try {
      await call(api.auth.changePassword, { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      void message.success(t('password.done'));
      await refresh();
    } catch (e) {
      const fields = Object.entries(fieldErrors(e)).map(([name, msg]) => ({ name, errors: [msg] }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="console-login">
      <Card title={t('password.title')} style={{ width: 440, maxWidth: '100%' }} {...tid('password-page')}>
        <Alert
          type="info"
          showIcon
          title={t('password.mustChange')}
          style={{ marginBottom: 16 }}
          {...tid('password-forced')}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} {...tid('password-error')} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[required(t('password.current'))]}>
            <Input.Password autoComplete="current-password" {...tid('password-current')} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.next')}
            extra={t('validation.passwordHint')}
            rules={[required(t('password.next')), passwordRule]}
          >
            <Input.Password autoComplete="new-password" {...tid('password-new')} />
          </Form.Item>
          <Form.Item
            name="again"
            label={t('password.again')}
            dependencies={['newPassword']}
            rules={[
              required(t('password.again')),
              ({ getFieldValue }) => ({
                validator: async (_r, value: unknown) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('validation.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" {...tid('password-again')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} {...tid('password-submit')}>
            {t('common.save')}
          </Button>
          <Button type="link" block onClick={() => void signOut()} style={{ marginTop: 8 }} {...tid('sign-out')}>
            {t('common.signOut')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
