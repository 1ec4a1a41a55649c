import { api } from '@linli/contracts';
import { Button, Form, NoticeBar, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { passwordRule } from '../../shared/password.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { TInput } from '../components/TInput.tsx';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  again: string;
}

/** `/password`: change the password; forced while the account still has its initial password. */
export function PasswordPage() {
  const { t } = useTranslation();
  const { me, refresh, signOut } = useSession();
  const nav = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forced = !!me?.user.mustChangePassword;
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = async (v: PasswordValues) => {
    setBusy(true);
    setError(null);
    try {
      await call(api.auth.changePassword, {
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      });
      await refresh();
      Toast.show({ icon: 'success', content: t('password.done') });
      nav('/', { replace: true });
    } catch (e) {
      const byField = fieldErrors(e);
      const fields = Object.entries(byField).map(([name, msg]) => ({ name, errors: [msg] }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame title={t('password.title')} backTo={forced ? undefined : '/me'}>
      {forced && (
        <NoticeBar
          content={t('password.mustChange')}
          color="info"
          wrap
          className="card-gap"
          {...tid('password-forced')}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy} {...tid('password-submit')}>
            {t('common.save')}
          </Button>
        }
      >
        <Form.Item name="currentPassword" label={t('password.current')} rules={[required(t('password.current'))]}>
          <TInput testId="password-current" type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.next')}
          description={t('validation.passwordHint')}
          rules={[required(t('password.next')), passwordRule]}
        >
          <TInput testId="password-new" type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label={t('password.again')}
          dependencies={['newPassword']}
          rules={[
            required(t('password.again')),
            {
              validator: async (_r, value: unknown) => {
                if (value && value !== form.getFieldValue('newPassword')) throw new Error(t('validation.mismatch'));
              },
            },
          ]}
        >
          <TInput testId="password-again" type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
      {error && (
        <div className="form-error" role="alert" {...tid('password-error')}>
          {error}
        </div>
      )}
      {forced && (
        <Button
          block
          fill="none"
          onClick={async () => {
            await signOut();
            nav('/login', { replace: true });
          }}
          {...tid('sign-out')}
        >
          {t('common.signOut')}
        </Button>
      )}
    </Frame>
  );
}
