import { Tag } from 'antd-mobile';
import { STATUS_TONE, useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';

const COLOR = {
  waiting: 'warning',
  working: 'primary',
  warning: 'success',
  done: 'success',
  muted: 'default',
} as const;

/** The case status as a coloured tag; `data-status` holds the code. */
export function StatusTag({ status, testId }: { status: string; testId: string }) {
  const labels = useCaseLabels();
  const tone = STATUS_TONE[status] ?? 'muted';
  return (
    <Tag
      color={COLOR[tone]}
      fill={tone === 'done' ? 'outline' : 'solid'}
      className="case-tag"
      data-status={status}
      {...tid(testId)}
    >
      {labels.status(status)}
    </Tag>
  );
}
