import { Button, Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { tid } from '../../shared/testid.ts';

/** Why an application was refused, with the way forward (sign in first, or see the earlier application). */
export function JoinProblem({ token, code, text }: { token: string; code: string; text: string }) {
  const { t } = useTranslation();
  const nav = useNavigate();
  const message =
    code === 'phone_registered'
      ? t('join.phoneRegistered')
      : code === 'already_applied'
        ? t('join.alreadyApplied')
        : text;
  return (
    <Card className="card-gap" {...tid('join-error')} data-code={code}>
      <div className="form-error" role="alert" style={{ padding: 0 }}>
        {message}
      </div>
      {code === 'phone_registered' && (
        <Button
          block
          color="primary"
          fill="outline"
          style={{ marginTop: 12 }}
          onClick={() => nav(`/login?next=${encodeURIComponent(`/join/${token}`)}`)}
          {...tid('join-go-login')}
        >
          {t('join.goLogin')}
        </Button>
      )}
      {code === 'already_applied' && (
        <Button
          block
          color="primary"
          fill="outline"
          style={{ marginTop: 12 }}
          onClick={() => nav('/applications')}
          {...tid('join-view-applications')}
        >
          {t('join.viewApplications')}
        </Button>
      )}
    </Card>
  );
}
