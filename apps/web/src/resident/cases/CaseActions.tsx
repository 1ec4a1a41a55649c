import { api, type RouteOutput } from '@linli/contracts';
import { Button, Popup } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText, isApiError } from '../../shared/api.ts';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { TTextArea } from './TTextArea.tsx';

type Detail = RouteOutput<typeof api.cases.getCase>;
type Kind = 'rate' | 'reopen' | 'cancel';
const KINDS: readonly Kind[] = ['rate', 'reopen', 'cancel'];
const REOPEN_DAYS = 7;

const send = (c: Detail, body: { type: Kind; score?: number; comment?: string; note?: string }) =>
  call(api.cases.runCommand, { params: { id: c.id }, body: { ...body, version: c.version } });

interface Props {
  c: Detail;
  onDone: (d: Detail) => void;
  /** 409 version_conflict: someone acted first; the page reloads and says so. */
  onConflict: () => void;
}

/** The reporter's buttons, only for commands the server allows now: rate, reopen (7 days), cancel. */
export function CaseActions({ c, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  // `kind` outlives `open` so the popup keeps its content while it slides away.
  const [open, setOpen] = useState<Kind | null>(null);
  const [kind, setKind] = useState<Kind>('rate');
  const [score, setScore] = useState(0);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allowed = KINDS.filter((k) => c.allowed.some((a) => a.type === k));
  if (allowed.length === 0) return null;

  const show = (k: Kind) => {
    setOpen(k);
    setKind(k);
    setScore(0);
    setText('');
    setError(null);
  };
  const run = async () => {
    if (!open) return;
    if (open === 'rate' && !score) return setError(t('casesResident.actions.scoreRequired'));
    if (open === 'reopen' && text.trim().length < 2) return setError(t('casesResident.actions.reasonRequired'));
    setBusy(true);
    setError(null);
    try {
      const note = text.trim();
      const body =
        open === 'rate'
          ? { type: open, score, ...(note ? { comment: note } : {}) }
          : { type: open, ...(note ? { note } : {}) };
      onDone(await send(c, body));
      setOpen(null);
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') {
        setOpen(null);
        onConflict();
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const reopenUntil = c.closedAt
    ? new Date(new Date(c.closedAt).getTime() + REOPEN_DAYS * 86_400_000).toISOString()
    : null;
  return (
    <div className="case-actions">
      {allowed.map((k) => (
        <Button
          key={k}
          block
          size="large"
          color={k === 'rate' ? 'primary' : k === 'cancel' ? 'danger' : 'warning'}
          fill={k === 'rate' ? 'solid' : 'outline'}
          onClick={() => show(k)}
          {...tid(`case-action-${k}`)}
        >
          {labels.command(k)}
        </Button>
      ))}
      {allowed.includes('reopen') && reopenUntil && (
        <div className="muted">{t('casesResident.actions.reopenUntil', { time: formatTime(reopenUntil) })}</div>
      )}
      <Popup visible={!!open} onMaskClick={() => !busy && setOpen(null)}>
        <div className="popup-body" {...tid(`case-${kind}-popup`)}>
          <h3 className="popup-title">{t(`casesResident.actions.${kind}Title`)}</h3>
          {kind === 'rate' && (
            <div className="star-row">
              {[1, 2, 3, 4, 5].map((n) => (
                <button
                  type="button"
                  key={n}
                  aria-pressed={score === n}
                  aria-label={t('casesResident.actions.stars', { count: n })}
                  className={n <= score ? 'star on' : 'star'}
                  onClick={() => setScore(n)}
                  {...tid(`case-rate-star-${n}`)}
                >
                  ★
                </button>
              ))}
              <span className="muted">
                {score ? t(`casesResident.actions.score${score}` as 'casesResident.actions.score1') : ''}
              </span>
            </div>
          )}
          <TTextArea
            testId={kind === 'rate' ? 'case-rate-comment' : `case-${kind}-reason`}
            value={text}
            onChange={setText}
            maxLength={kind === 'rate' ? 500 : 2000}
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t(`casesResident.actions.${kind}Placeholder`)}
            className="popup-textarea"
          />
          {error && (
            <div className="form-error" {...tid('case-action-error')}>
              {error}
            </div>
          )}
          <Button
            block
            color="primary"
            size="large"
            loading={busy}
            onClick={() => void run()}
            {...tid(`case-${kind}-submit`)}
          >
            {kind === 'cancel' ? t('casesResident.actions.cancelConfirm') : t('common.submit')}
          </Button>
          <Button block fill="none" onClick={() => setOpen(null)} disabled={busy} style={{ marginTop: 4 }}>
            {t('common.cancel')}
          </Button>
        </div>
      </Popup>
    </div>
  );
}
