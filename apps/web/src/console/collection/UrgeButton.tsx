import { api } from '@linli/contracts';
import { App, Button } from 'antd';
import { useState } from 'react';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { useFollowupT } from './followup-i18n.ts';

/** 催办: the requester reminds an open task's fillers; the server allows it once an hour per task. */
export function UrgeButton({ taskId }: { taskId: string }) {
  const t = useFollowupT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [until, setUntil] = useState<number>(0);
  const urge = async () => {
    setBusy(true);
    try {
      const r = await call(api.formFollowup.urgeTask, { params: { id: taskId } });
      setUntil(new Date(r.nextAllowedAt).getTime());
      void message.success(r.recipients ? t('urged', { n: r.recipients }) : t('urgedNone'));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      loading={busy}
      disabled={until > Date.now()}
      onClick={() => void urge()}
      {...tid(`collection-urge-${taskId}`)}
    >
      {t('urge')}
    </Button>
  );
}
