import { api } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dialog, Input, List, Selector, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { m2, turnoutPercent, useVoteT, type VoteDetail } from '../../i18n/votes.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { LoadError, Loading } from '../components/Loading.tsx';

/** The receipt stays on this phone so the voter can check it again after the result is published. */
const receiptKey = (id: string) => `linli.vote.receipt.${id}`;

function Receipt({ v }: { v: VoteDetail }) {
  const { t } = useVoteT();
  const [code, setCode] = useState('');
  const saved = localStorage.getItem(receiptKey(v.id));
  // An empty field checks the receipt kept on this phone.
  const receipt = code.trim() || saved || '';
  const check = useMutation({
    mutationFn: () => call(api.votes.checkReceipt, { params: { id: v.id }, body: { receipt } }),
  });
  return (
    <Card className="card-gap" title={t('ballot.receiptTitle')} {...tid('vote-receipt-card')}>
      {saved && (
        <div style={{ marginBottom: 8 }}>
          <div className="muted">{t('ballot.receiptHint')}</div>
          <div style={{ fontFamily: 'monospace', wordBreak: 'break-all', fontSize: 15 }} {...tid('vote-receipt')}>
            {saved}
          </div>
        </div>
      )}
      <Input
        value={code}
        onChange={setCode}
        placeholder={t('ballot.checkPlaceholder')}
        clearable
        {...tid('vote-receipt-input')}
      />
      <Button
        block
        size="small"
        style={{ marginTop: 8 }}
        disabled={!receipt}
        loading={check.isPending}
        onClick={() => check.mutate()}
        {...tid('vote-receipt-check')}
      >
        {t('ballot.check')}
      </Button>
      {check.error && <div className="muted">{errorText(check.error)}</div>}
      {check.data && (
        <div
          style={{ marginTop: 8, color: check.data.included && check.data.current ? '#00b578' : '#ff3141' }}
          {...tid('vote-receipt-result')}
        >
          {!check.data.included
            ? t('ballot.notIncluded')
            : check.data.current
              ? t('ballot.included', { seq: check.data.seq })
              : t('ballot.superseded', { seq: check.data.seq })}
        </div>
      )}
    </Card>
  );
}

function Result({ v }: { v: VoteDetail }) {
  const { t, check } = useVoteT();
  const r = v.result;
  if (!r) return null;
  return (
    <Card className="card-gap" title={t('result.title')} {...tid('vote-result')}>
      <Tag
        color={r.adopted ? 'success' : 'danger'}
        style={{ fontSize: 16, padding: '4px 10px' }}
        {...tid('vote-adopted')}
      >
        {r.adopted ? t('result.adopted') : t('result.rejected')}
      </Tag>
      <div className="muted" style={{ margin: '6px 0' }}>
        {t('result.ballots', { n: r.ballots })}
      </div>
      {r.participation.map((c) => (
        <div key={c.measure} style={{ color: c.met ? '#00b578' : '#ff3141' }} {...tid('vote-participation')}>
          {t('result.participation')} · {check(c)}
        </div>
      ))}
      <List style={{ marginTop: 8 }}>
        {r.options.map((o) => (
          <List.Item
            key={o.index}
            extra={
              v.thresholds.measures.includes('area') ? `${o.weight.head} · ${m2(o.weight.area)} m²` : o.weight.head
            }
            description={o.approval.map((c) => check(c)).join(';')}
          >
            {o.label}
          </List.Item>
        ))}
      </List>
      {v.turnout && (
        <List header={t('turnout.title')} {...tid('vote-turnout')}>
          {v.turnout.map((b) => (
            <List.Item
              key={b.buildingId ?? b.buildingName}
              extra={`${b.voted}/${b.electors} · ${turnoutPercent(b.voted, b.electors)}%`}
            >
              {b.buildingName}
            </List.Item>
          ))}
        </List>
      )}
      <a href={`/api/votes/${v.id}/chain`} download={`vote-${v.id}-chain.json`} {...tid('vote-chain-download')}>
        {t('action.download')}
      </a>
    </Card>
  );
}

/** One vote for a resident: the question, their ballot (cast or change), receipt and check, the result. */
export function BallotCard({ id }: { id: string }) {
  const { t } = useVoteT();
  const qc = useQueryClient();
  const [choices, setChoices] = useState<number[]>([]);
  const q = useQuery({ queryKey: ['vote', id], queryFn: () => call(api.votes.getVote, { params: { id } }) });
  const cast = useMutation({
    mutationFn: () => call(api.votes.castBallot, { params: { id }, body: { choices } }),
    onSuccess: async (r) => {
      localStorage.setItem(receiptKey(id), r.receipt);
      setChoices([]);
      Toast.show({ icon: 'success', content: t('ballot.receiptTitle') });
      await qc.invalidateQueries({ queryKey: ['vote', id] });
      await qc.invalidateQueries({ queryKey: ['votes'] });
    },
    onError: (e) => Toast.show({ icon: 'fail', content: errorText(e) }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  const submit = async () => {
    if (await Dialog.confirm({ content: t('ballot.confirm') })) cast.mutate();
  };
  return (
    <>
      <Card
        className="card-gap"
        title={<span {...tid('vote-title')}>{v.title}</span>}
        extra={<Tag {...tid('vote-status')}>{t(`status.${v.status}`)}</Tag>}
      >
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v.question}</div>
        <div className="muted" style={{ marginTop: 6 }}>
          {t('info.deadline', { at: formatTime(v.deadline) })} · {v.secret ? t('info.secret') : t('info.open')} ·{' '}
          {t('info.votedOf', { voted: v.voted, n: v.electors })}
        </div>
        <div className="muted">
          {t(`electorate.${v.electorate}`)} · {t(`preset.${v.preset}`)}
        </div>
      </Card>
      {v.status === 'open' && (
        <Card className="card-gap" title={t('ballot.title')} {...tid('vote-ballot')}>
          {!v.me.eligible ? (
            <div className="muted" {...tid('vote-not-eligible')}>
              {t('ballot.notEligible')}
            </div>
          ) : (
            <>
              {v.me.electorLabel && <div>{t('ballot.forHousehold', { label: v.me.electorLabel })}</div>}
              {v.me.proxy && <div className="muted">{t('ballot.proxy')}</div>}
              {v.me.votedAt && (
                <div {...tid('vote-voted')}>
                  {t('ballot.voted', { at: formatTime(v.me.votedAt) })}
                  {v.me.choices &&
                    ` · ${t('ballot.yourChoice', { choice: v.me.choices.map((c) => v.options[c]).join('、') })}`}
                </div>
              )}
              {v.abilities.cast && (
                <>
                  <div className="muted" style={{ margin: '8px 0 4px' }}>
                    {v.kind === 'multiple' ? t('ballot.chooseMax', { n: v.maxChoices }) : t('ballot.choose')}
                  </div>
                  <Selector
                    columns={1}
                    multiple={v.kind === 'multiple'}
                    value={choices}
                    onChange={(vals) => setChoices(vals.slice(0, v.maxChoices))}
                    options={v.options.map((label, i) => ({ label, value: i }))}
                    {...tid('vote-options')}
                  />
                  <Button
                    block
                    color="primary"
                    style={{ marginTop: 12 }}
                    disabled={choices.length === 0}
                    loading={cast.isPending}
                    onClick={() => void submit()}
                    {...tid('vote-submit')}
                  >
                    {v.me.votedAt ? t('ballot.change') : t('ballot.submit')}
                  </Button>
                </>
              )}
            </>
          )}
        </Card>
      )}
      {v.status !== 'draft' && (v.me.votedAt || v.status === 'closed') && <Receipt v={v} />}
      <Result v={v} />
    </>
  );
}
