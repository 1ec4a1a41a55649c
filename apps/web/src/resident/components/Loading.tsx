import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';

/** Centered spinner while a screen loads. */
export function Loading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }} {...tid('loading')}>
      <SpinLoading />
    </div>
  );
}

/** A failed load with the server's message and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorBlock status="default" title={errorText(error)} description="" {...tid('load-error')}>
      {onRetry && (
        <Button color="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </ErrorBlock>
  );
}
