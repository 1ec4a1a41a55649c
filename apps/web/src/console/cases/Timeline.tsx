import { Timeline as AntTimeline, Image, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type casesConsole from '../../i18n/cases-console.zh-CN.ts';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { type CaseDetail, departmentNames, photoUrl } from './model.ts';
import { StatusTag } from './Tags.tsx';

type Entry = CaseDetail['timeline'][number];
type TimelineKey = keyof (typeof casesConsole)['timeline'];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap((x) => (typeof x === 'string' ? [x] : [])) : []);

/** The details an entry records, as label–value pairs (departments and deadlines, levels, results, meetings). */
function useDetails(c: CaseDetail) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const names = departmentNames(c);
  const dept = (id: unknown) => names.get(str(id) ?? '') ?? str(id) ?? '';
  const k = (key: TimelineKey) => t(`casesConsole.timeline.${key}`);
  return (e: Entry): [string, ReactNode][] => {
    const d = e.data;
    const out: [string, ReactNode][] = [];
    if (Array.isArray(d.assignments)) {
      const list = d.assignments as { departmentId?: unknown; deadline?: unknown }[];
      out.push([
        k('departments'),
        list.map((a) => `${dept(a.departmentId)}(${k('deadline')} ${formatTime(str(a.deadline))})`).join(';'),
      ]);
    } else if (str(d.departmentId) && e.type !== 'urge') out.push([k('departments'), dept(d.departmentId)]);
    if (strs(d.departmentIds).length) out.push([k('departments'), strs(d.departmentIds).map(dept).join('、')]);
    if (e.type === 'escalate' && str(d.from) && str(d.to))
      out.push([k('level'), `${labels.level(str(d.from)!)} → ${labels.level(str(d.to)!)}`]);
    if (e.type === 'urge') {
      out.push([k('urgeLevel'), labels.urge(str(d.level) ?? '')]);
      if (str(d.departmentId)) out.push([k('departments'), dept(d.departmentId)]);
    }
    if (e.type === 'created' && str(d.source))
      out.push([t('casesConsole.detail.source'), labels.source(str(d.source)!)]);
    if (str(d.reviewAt)) out.push([k('reviewAt'), formatTime(str(d.reviewAt))]);
    if (e.type === 'summon') out.push([k('meetingAt'), `${formatTime(str(d.at))} · ${str(d.place) ?? ''}`]);
    if (typeof d.attend === 'boolean') out.push([k('attend'), d.attend ? k('attend') : k('absent')]);
    if (str(d.minutes)) out.push([t('casesConsole.meeting.minutes'), str(d.minutes)]);
    if (strs(d.agreedActions).length)
      out.push([t('casesConsole.meeting.agreedActions'), strs(d.agreedActions).join(';')]);
    if (typeof d.score === 'number') out.push([k('score'), '★'.repeat(d.score)]);
    if (str(d.comment)) out.push([k('comment'), str(d.comment)]);
    if (e.type === 'absorb' && str(d.sourceId)) {
      const source = c.mergedFrom.find((m) => m.id === d.sourceId);
      out.push([t('casesConsole.detail.mergedFrom'), source?.no ?? str(d.sourceId)]);
    }
    if (e.type === 'merge' && str(d.targetId)) {
      const target = c.mergedInto && c.mergedInto.id === d.targetId ? c.mergedInto.no : str(d.targetId);
      out.push([k('target'), target]);
    }
    return out;
  };
}

/** 办理过程: every timeline entry, oldest first — when, who (name and role), what, the note, photos and details. */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const labels = useCaseLabels();
  const details = useDetails(c);
  return (
    <AntTimeline
      {...tid('case-timeline')}
      items={c.timeline.map((e) => ({
        key: e.version,
        color: e.type === 'returnAssignment' || (e.type === 'check' && e.data.passed === false) ? 'red' : 'blue',
        content: (
          <div data-type={e.type} data-version={e.version} {...tid('timeline-entry')}>
            <Space wrap size={[8, 0]}>
              <Typography.Text strong {...tid('timeline-type')}>
                {labels.entry(e.type, e.data)}
              </Typography.Text>
              {e.fromStatus !== e.toStatus && <StatusTag status={e.toStatus} testId="timeline-status" />}
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" {...tid('timeline-actor')}>
                {[e.actor?.name, labels.actingRole(e.role)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
            {e.note && (
              <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }} {...tid('timeline-note')}>
                {e.note}
              </Typography.Paragraph>
            )}
            {details(e).map(([label, value]) => (
              <div key={label}>
                <Tag>{label}</Tag>
                <Typography.Text>{value}</Typography.Text>
              </div>
            ))}
            {e.attachments.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap style={{ marginTop: 4 }} {...tid('timeline-photos')}>
                  {e.attachments.map((a) => (
                    <Image key={a} src={photoUrl(c.id, a)} width={72} height={72} style={{ objectFit: 'cover' }} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </div>
        ),
      }))}
    />
  );
}
