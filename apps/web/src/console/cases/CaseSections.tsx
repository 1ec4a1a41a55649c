import { Card, Image, List, Rate, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { type CaseDetail, photoUrl } from './model.ts';

type Props = { c: CaseDetail };

const ASSIGNMENT_COLOUR: Record<string, string> = {
  dispatched: 'gold',
  accepted: 'processing',
  returned: 'red',
  handled: 'cyan',
  rework: 'orange',
  done: 'green',
};

/** The reported text and photos (click for the preview group). */
export function DescriptionCard({ c }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('casesConsole.detail.description')}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} {...tid('case-description')}>
        {c.description}
      </Typography.Paragraph>
      {c.attachments.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap {...tid('case-photos')}>
            {c.attachments.map((a) => (
              <Image key={a} src={photoUrl(c.id, a)} width={112} height={112} style={{ objectFit: 'cover' }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}

/** Who reported (with phone; masked for departments) and where: address text and coordinates. */
export function ReporterCard({ c }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('casesConsole.detail.reporters')}>
      {c.reporters.length === 0 ? (
        <Typography.Text type="secondary">{t('casesConsole.detail.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={c.reporters}
          renderItem={(r) => (
            <List.Item {...tid('case-reporter')}>
              <span>{r.name}</span>
              <a href={`tel:${r.phone}`}>{r.phone}</a>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('casesConsole.detail.location')}
      </Typography.Title>
      <div {...tid('case-location')}>
        <div>{c.placePath.join(' / ')}</div>
        {c.address && (
          <div>
            {t('casesConsole.detail.address')}: {c.address}
          </div>
        )}
        {c.location && (
          <Typography.Text type="secondary">
            {t('casesConsole.detail.coordinates')}: {c.location.lat.toFixed(6)}, {c.location.lng.toFixed(6)}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}

/** Departments the case was dispatched to: status, deadline, the reason of a return or failed check. */
export function AssignmentsCard({ c }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  if (c.assignments.length === 0) return null;
  const a = (k: 'deadline' | 'dispatchedAt' | 'reason') => t(`casesConsole.assignment.${k}`);
  return (
    <Card size="small" title={t('casesConsole.detail.assignments')}>
      <List
        size="small"
        dataSource={c.assignments}
        renderItem={(r) => (
          <List.Item data-status={r.status} {...tid(`case-assignment-${r.departmentName}`)}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{r.departmentName}</Typography.Text>
                <Tag color={ASSIGNMENT_COLOUR[r.status] ?? 'default'} {...tid('case-assignment-status')}>
                  {labels.assignment(r.status)}
                </Tag>
              </Space>
              <Typography.Text type="secondary">
                {a('deadline')}: {formatTime(r.deadline)} · {a('dispatchedAt')}: {formatTime(r.dispatchedAt)}
              </Typography.Text>
              {r.reason && (
                <Typography.Text type="danger" {...tid('case-assignment-reason')}>
                  {a('reason')}: {r.reason}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
        {...tid('case-assignments')}
      />
    </Card>
  );
}

/** 吹哨/约请 meetings: when and where, who was invited and whether they come, minutes and agreed actions. */
export function MeetingsCard({ c }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  if (c.meetings.length === 0) return null;
  const m = (k: 'at' | 'place' | 'invitees' | 'minutes' | 'agreedActions') => t(`casesConsole.meeting.${k}`);
  return (
    <Card size="small" title={t('casesConsole.detail.meetings')} {...tid('case-meetings')}>
      {c.meetings.map((x) => (
        <div key={x.no} data-status={x.status} style={{ marginBottom: 12 }} {...tid(`case-meeting-${x.no}`)}>
          <Space wrap>
            <Typography.Text strong>{t('casesConsole.meeting.title', { no: x.no })}</Typography.Text>
            <Tag>{t(`casesConsole.meeting.tier.${x.tier === 'street' ? 'street' : 'community'}`)}</Tag>
            <Tag color={x.status === 'held' ? 'green' : x.status === 'called' ? 'blue' : 'default'}>
              {labels.meeting(x.status)}
            </Tag>
          </Space>
          <div>
            {m('at')}: {formatTime(x.at)} · {m('place')}: {x.place}
          </div>
          <div>
            {m('invitees')}:{' '}
            {x.invitees.map((i) => (
              <Tag
                key={i.departmentId}
                color={i.attendance === 'confirmed' ? 'green' : i.attendance === 'declined' ? 'red' : 'default'}
              >
                {i.departmentName} · {labels.attendance(i.attendance)}
              </Tag>
            ))}
          </div>
          {x.minutes && (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              {m('minutes')}: {x.minutes}
            </div>
          )}
          {x.agreedActions.length > 0 && (
            <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {x.agreedActions.map((action) => (
                <li key={action}>{action}</li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </Card>
  );
}

/** The reporters' ratings, per round (a reopened case is rated again). */
export function RatingsCard({ c }: Props) {
  const { t } = useTranslation();
  if (c.ratings.length === 0) return null;
  return (
    <Card size="small" title={t('casesConsole.detail.ratings')}>
      {c.ratings.map((r) => (
        <div key={`${r.round}-${r.at}`} data-score={r.score} {...tid('case-rating')}>
          <Space wrap>
            <Rate disabled value={r.score} />
            <Typography.Text type="secondary">
              {t('casesConsole.rating.round', { round: r.round + 1 })} · {formatTime(r.at)}
            </Typography.Text>
          </Space>
          {r.comment && <div>{r.comment}</div>}
        </div>
      ))}
    </Card>
  );
}
