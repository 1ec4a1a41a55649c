import { cases } from '@linli/contracts';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { STATUS_TONE, type Tone, useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import type { CaseSummary } from './model.ts';

type Sla = NonNullable<CaseSummary['sla']>;

const TAG_COLOUR = { ok: 'green', yellow: 'gold', red: 'red' } as const;

/** The current time, ticking every 30 s, so countdowns and colours move without a reload. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "剩余 2 天 3 小时" / "已超时 5 小时", green, yellow (临期) or red (超期); the tooltip gives the stage and due time. */
export function SlaTag({ sla, withDue = false }: { sla: Sla | null; withDue?: boolean }) {
  const labels = useCaseLabels();
  const now = useNow();
  if (!sla) return <span {...tid('case-sla')}>—</span>;
  const colour = cases.slaColour(sla, new Date(now));
  const due = `${labels.stage(sla.stage)} ${formatTime(sla.dueAt)}`;
  return (
    <Tooltip title={due}>
      <Tag color={TAG_COLOUR[colour]} data-colour={colour} data-stage={sla.stage} {...tid('case-sla')}>
        {labels.timeLeft(sla, now)}
        {withDue && <span style={{ marginInlineStart: 8, opacity: 0.8 }}>({due})</span>}
      </Tag>
    </Tooltip>
  );
}

const TONE_COLOUR: Record<Tone, string> = {
  waiting: 'gold',
  working: 'processing',
  warning: 'orange',
  done: 'green',
  muted: 'default',
};

/** The case status as a coloured tag; `data-status` holds the code. */
export function StatusTag({ status, testId = 'case-status' }: { status: string; testId?: string }) {
  const labels = useCaseLabels();
  return (
    <Tag color={TONE_COLOUR[STATUS_TONE[status] ?? 'muted']} data-status={status} {...tid(testId)}>
      {labels.status(status)}
    </Tag>
  );
}

const URGE_COLOUR = { normal: 'blue', yellow: 'gold', red: 'red' } as const;

/** 督办 / 黄牌督办 / 红牌督办; nothing when the case was not urged. */
export function UrgeTag({ urged }: { urged: CaseSummary['urged'] }) {
  const labels = useCaseLabels();
  if (!urged) return null;
  return (
    <Tag color={URGE_COLOUR[urged]} data-level={urged} {...tid('case-urged')}>
      {labels.urge(urged)}
    </Tag>
  );
}
