import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { useFollowupT } from './followup-i18n.ts';

type Correction = RouteOutput<typeof api.formFollowup.listCorrections>['items'][number];
type Mode = 'apply' | 'verify' | 'acknowledge';
type Row = { name?: string; address?: string };

const rowsOf = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);
const rowKey = (r: Row) => `${r.name ?? ''}|${r.address ?? ''}`;
const rowText = (r: Row) => (r.address ? `${r.name}(${r.address})` : (r.name ?? ''));

/** A list's change as tags (+ added, − struck out); a count as "registry → answer". */
function Change({ c }: { c: Correction }) {
  if (c.kind !== 'tag_list') return <span>{`${String(c.registry ?? '—')} → ${String(c.answer ?? '—')}`}</span>;
  const before = rowsOf(c.registry);
  const after = rowsOf(c.answer);
  const had = new Set(before.map(rowKey));
  const has = new Set(after.map(rowKey));
  return (
    <Space size={[4, 4]} wrap>
      {after
        .filter((r) => !had.has(rowKey(r)))
        .map((r) => (
          <Tag key={`+${rowKey(r)}`} color="green">{`+ ${rowText(r)}`}</Tag>
        ))}
      {before
        .filter((r) => !has.has(rowKey(r)))
        .map((r) => (
          <Tag key={`-${rowKey(r)}`} color="red">{`− ${rowText(r)}`}</Tag>
        ))}
    </Space>
  );
}

function Outcome({ c }: { c: Correction }) {
  const t = useFollowupT();
  if (!c.decision) return null;
  const o = c.outcome ?? {};
  const names = (xs?: { name: string }[] | string[]) =>
    (xs ?? []).map((x) => (typeof x === 'string' ? x : x.name)).join('、');
  return (
    <Space direction="vertical" size={2}>
      <Tag color={c.decision === 'dismissed' ? 'default' : 'blue'}>{t(`decision.${c.decision}`)}</Tag>
      {!!o.added?.length && <span>{t('added', { names: names(o.added) })}</span>}
      {!!o.removed?.length && <span>{t('removed', { names: names(o.removed) })}</span>}
      {!!o.unmatched?.length && (
        <span style={{ color: '#d46b08' }}>{t('unmatched', { names: names(o.unmatched) })}</span>
      )}
      {o.campaignId && <span>{t('campaign')}</span>}
      {c.note && <span style={{ color: '#888' }}>{c.note}</span>}
      {c.decidedBy && <span style={{ color: '#888' }}>{`${c.decidedBy} ${formatTime(c.decidedAt!)}`}</span>}
    </Space>
  );
}

/**
 * `/form-corrections`: the committee confirms what workers corrected while filling forms — a list of
 * people is written back to the registry, a count is verified or acknowledged, or the correction is dismissed.
 */
export function CorrectionsPage() {
  const t = useFollowupT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'pending' | 'decided'>('pending');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['form-corrections', status],
    queryFn: () => call(api.formFollowup.listCorrections, { query: { status } }),
  });
  const id = (c: Correction) => `${c.taskId}/${c.key}`;
  const act = async (c: Correction, mode: Mode | 'dismiss') => {
    setBusy(id(c));
    const note = notes[id(c)]?.trim() || undefined;
    const params = { taskId: c.taskId, key: c.key };
    try {
      const r =
        mode === 'dismiss'
          ? await call(api.formFollowup.dismissCorrection, { params, body: { taskVersion: c.taskVersion, note } })
          : await call(api.formFollowup.confirmCorrection, {
              params,
              body: { taskVersion: c.taskVersion, mode, note },
            });
      void message.success(t(`decision.${r.decision!}`));
      await qc.invalidateQueries({ queryKey: ['form-corrections'] });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card
      title={t('title')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'pending' | 'decided')}
          options={[
            { value: 'pending', label: t('pending') },
            { value: 'decided', label: t('decided') },
          ]}
          {...tid('corrections-status')}
        />
      }
      {...tid('corrections-page')}
    >
      <Alert type="info" showIcon message={t('hint')} style={{ marginBottom: 12 }} />
      {list.error && <Alert type="error" message={errorText(list.error)} />}
      <Table
        rowKey={id}
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        onRow={(c) => tid(`correction-${c.taskId}-${c.key}`) as never}
        columns={[
          { title: t('form'), dataIndex: 'title', width: 160 },
          {
            title: t('target'),
            key: 'target',
            width: 160,
            render: (_, c) =>
              c.targetName === c.communityName ? c.communityName : `${c.communityName} · ${c.targetName}`,
          },
          { title: t('field'), dataIndex: 'label', width: 140 },
          { title: `${t('registry')} → ${t('answer')}`, key: 'change', render: (_, c) => <Change c={c} /> },
          { title: t('submitted'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatTime(v) },
          {
            title: status === 'pending' ? '' : t('result'),
            key: 'act',
            width: 300,
            render: (_, c) =>
              c.decision ? (
                <Outcome c={c} />
              ) : (
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Input
                    size="small"
                    maxLength={200}
                    placeholder={t('note')}
                    value={notes[id(c)] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [id(c)]: e.target.value })}
                  />
                  <Space size={4} wrap>
                    {c.applicable ? (
                      <Button
                        size="small"
                        type="primary"
                        loading={busy === id(c)}
                        onClick={() => void act(c, 'apply')}
                        {...tid('correction-apply')}
                      >
                        {t('apply')}
                      </Button>
                    ) : (
                      <>
                        <Button
                          size="small"
                          type="primary"
                          loading={busy === id(c)}
                          onClick={() => void act(c, 'verify')}
                          {...tid('correction-verify')}
                        >
                          {t('verify')}
                        </Button>
                        <Button
                          size="small"
                          disabled={busy === id(c)}
                          onClick={() => void act(c, 'acknowledge')}
                          {...tid('correction-acknowledge')}
                        >
                          {t('acknowledge')}
                        </Button>
                      </>
                    )}
                    <Button
                      size="small"
                      danger
                      disabled={busy === id(c)}
                      onClick={() => void act(c, 'dismiss')}
                      {...tid('correction-dismiss')}
                    >
                      {t('dismiss')}
                    </Button>
                  </Space>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
