import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';

type Task = RouteOutput<typeof api.registryOutreach.listOutreach>['items'][number];
const OUTCOMES = ['informed', 'applied', 'not_eligible', 'unreachable'] as const;
const COLORS: Record<string, string> = {
  pending: 'default',
  informed: 'primary',
  applied: 'success',
  not_eligible: 'warning',
  unreachable: 'danger',
};

/** 走访清单: the grid worker's outreach tasks on a phone — call, then record the outcome with one tap. */
export function OutreachListPage() {
  const { t, tx } = useRegistryT();
  const qc = useQueryClient();
  const tasks = useQuery({
    queryKey: ['outreach-mine'],
    queryFn: () => call(api.registryOutreach.listOutreach, { query: { limit: 200 } }),
  });
  return (
    <Frame title={t('mobile.title')}>
      {tasks.isLoading && <Loading />}
      {tasks.error && <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.data && tasks.data.items.length === 0 && <Empty description={t('mobile.empty')} />}
      <Space direction="vertical" block style={{ padding: 12 }} {...tid('outreach-list')}>
        {tasks.data?.items.map((task) => (
          <TaskCard
            key={`${task.policyId}:${task.personId}`}
            task={task}
            onSaved={() => void qc.invalidateQueries({ queryKey: ['outreach-mine'] })}
            t={t}
            tx={tx}
          />
        ))}
      </Space>
    </Frame>
  );
}

function TaskCard({
  task,
  onSaved,
  t,
  tx,
}: {
  task: Task;
  onSaved: () => void;
  t: ReturnType<typeof useRegistryT>['t'];
  tx: (k: string) => string;
}) {
  const [note, setNote] = useState(task.note ?? '');
  const [busy, setBusy] = useState(false);
  const record = async (outcome: (typeof OUTCOMES)[number]) => {
    setBusy(true);
    try {
      await call(api.registryOutreach.recordOutcome, {
        params: { policyId: task.policyId, personId: task.personId },
        body: { version: task.version, outcome, note: note.trim() || undefined },
      });
      Toast.show({ content: t('mobile.recorded') });
      onSaved();
    } catch (e) {
      Toast.show({ content: errorText(e) });
      onSaved();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={<span style={{ fontSize: 18 }}>{task.name}</span>}
      extra={<Tag color={COLORS[task.status]}>{tx(`outcome.${task.status}`)}</Tag>}
      {...tid(`outreach-card-${task.policyId}.${task.personId}`)}
    >
      <div style={{ fontSize: 16, lineHeight: 1.7 }}>
        <div>{task.policyName}</div>
        <div>{task.address}</div>
        {task.phone && (
          <a href={`tel:${task.phone}`} style={{ fontSize: 18 }}>
            {t('mobile.call')} {task.phone}
          </a>
        )}
      </div>
      <Input
        placeholder={t('mobile.notePlaceholder')}
        value={note}
        onChange={setNote}
        maxLength={200}
        style={{ margin: '8px 0', '--font-size': '16px' }}
      />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        {OUTCOMES.map((o) => (
          <Button
            key={o}
            size="large"
            color={task.status === o ? 'primary' : 'default'}
            disabled={busy}
            onClick={() => void record(o)}
            {...tid(`outreach-m-${o}-${task.policyId}.${task.personId}`)}
          >
            {tx(`outcome.${o}`)}
          </Button>
        ))}
      </div>
    </Card>
  );
}
