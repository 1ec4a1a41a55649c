import { api, type RouteOutput } from '@linli/contracts';
import { Button, Card, Selector, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useDelibT } from '../../i18n/deliberation.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { TTextArea } from '../cases/TTextArea.tsx';

type Detail = RouteOutput<typeof api.deliberation.getProposal>;
type Comment = Detail['comments'][number];
type Stance = (typeof api.deliberation.STANCES)[number];
const COLORS = { for: 'success', against: 'danger', neutral: 'default' } as const;

function CommentRow({
  c,
  onReply,
  onQuote,
  can,
}: {
  c: Comment;
  onReply: () => void;
  onQuote: () => void;
  can: boolean;
}) {
  const { t } = useDelibT();
  return (
    <div className={c.parentId ? 'delib-reply' : 'delib-comment'} {...tid('delib-comment')} data-stance={c.stance}>
      <Space wrap style={{ '--gap': '6px' }}>
        <strong>{c.authorLabel}</strong>
        {c.official && <Tag color="primary">{t('comment.official')}</Tag>}
        <Tag color={COLORS[c.stance]} fill="outline">
          {t(`stance.${c.stance}`)}
        </Tag>
        <span className="muted">{formatTime(c.createdAt)}</span>
      </Space>
      {c.quoteText && <blockquote className="delib-quote">{c.quoteText}</blockquote>}
      {c.status === 'hidden' ? (
        <div className="muted" {...tid('delib-comment-hidden')}>
          {t('comment.hidden', { reason: c.hiddenReason ?? '' })}
        </div>
      ) : (
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...tid('delib-comment-body')}>
          {c.body}
        </div>
      )}
      {can && c.status === 'visible' && (
        <Space>
          <Button size="mini" fill="none" onClick={onReply} {...tid('delib-reply')}>
            {t('comment.reply')}
          </Button>
          <Button size="mini" fill="none" onClick={onQuote} {...tid('delib-quote')}>
            {t('comment.quote')}
          </Button>
        </Space>
      )}
    </div>
  );
}

/** 协商讨论: threads one level deep, each comment with its stance; replying and quoting. */
export function Discussion({ p, onChange }: { p: Detail; onChange: (d: Detail) => void }) {
  const { t } = useDelibT();
  const [stance, setStance] = useState<Stance>('for');
  const [body, setBody] = useState('');
  const [ref, setRef] = useState<{ kind: 'parentId' | 'quoteId'; c: Comment } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const d = await call(api.deliberation.commentProposal, {
        params: { id: p.id },
        body: { stance, body, ...(ref ? { [ref.kind]: ref.c.id } : {}) },
      });
      setBody('');
      setRef(null);
      onChange(d);
    } catch (e) {
      Toast.show({ content: errorText(e), icon: 'fail' });
    } finally {
      setBusy(false);
    }
  };
  const roots = p.comments.filter((c) => !c.parentId);
  return (
    <Card className="card-gap" title={t('detail.discussion')} {...tid('delib-discussion')}>
      {roots.length === 0 && <div className="muted">{t('detail.noComments')}</div>}
      {roots.map((c) => (
        <div key={c.id}>
          <CommentRow
            c={c}
            can={p.abilities.comment}
            onReply={() => setRef({ kind: 'parentId', c })}
            onQuote={() => setRef({ kind: 'quoteId', c })}
          />
          {p.comments
            .filter((r) => r.parentId === c.id)
            .map((r) => (
              <CommentRow
                key={r.id}
                c={r}
                can={p.abilities.comment}
                onReply={() => setRef({ kind: 'parentId', c: r })}
                onQuote={() => setRef({ kind: 'quoteId', c: r })}
              />
            ))}
        </div>
      ))}
      {p.abilities.comment ? (
        <div style={{ marginTop: 12 }} {...tid('delib-comment-form')}>
          {ref && (
            <Tag color="primary" fill="outline" onClick={() => setRef(null)}>
              {t(ref.kind === 'parentId' ? 'comment.replyingTo' : 'comment.quoting', { who: ref.c.authorLabel })} ✕
            </Tag>
          )}
          <Selector
            options={api.deliberation.STANCES.map((s) => ({ value: s, label: t(`stance.${s}`) }))}
            value={[stance]}
            onChange={(v) => v[0] && setStance(v[0])}
            {...tid('delib-stance')}
          />
          <TTextArea
            testId="delib-comment-input"
            value={body}
            onChange={setBody}
            rows={3}
            maxLength={api.deliberation.COMMENT_MAX}
            placeholder={t('comment.placeholder')}
          />
          <Button
            color="primary"
            size="small"
            loading={busy}
            disabled={!body.trim()}
            onClick={() => void send()}
            {...tid('delib-comment-send')}
          >
            {t('comment.send')}
          </Button>
        </div>
      ) : (
        p.stage !== 'submitted' && <div className="muted">{t('detail.closedNotice')}</div>
      )}
    </Card>
  );
}
