import { api, type RouteOutput } from '@linli/contracts';
import { Button, Card, List, Rate, Selector, Space, Steps, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useDelibT, yuan } from '../../i18n/deliberation.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { Photos } from '../boards/Photos.tsx';
import { TTextArea } from '../cases/TTextArea.tsx';

type Detail = RouteOutput<typeof api.deliberation.getProposal>;

/** The survey after completion: the average, the answers, and the caller's own form once. */
function Survey({ p, onChange }: { p: Detail; onChange: (d: Detail) => void }) {
  const { t } = useDelibT();
  const project = p.project!;
  const e = project.evaluation;
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const submit = async () => {
    try {
      onChange(await call(api.deliberation.evaluateProject, { params: { id: project.id }, body: { rating, comment } }));
    } catch (err) {
      Toast.show({ content: errorText(err), icon: 'fail' });
    }
  };
  return (
    <Card className="card-gap" title={t('evaluation.title')} {...tid('delib-survey')}>
      {project.status !== 'completed' ? (
        <div className="muted">{t('evaluation.waiting')}</div>
      ) : (
        <>
          <div {...tid('delib-survey-average')}>
            {e.count ? t('evaluation.average', { avg: e.average, n: e.count }) : t('evaluation.none')}
          </div>
          {e.mine && (
            <div className="muted" {...tid('delib-survey-mine')}>
              {t('evaluation.mine', { rating: e.mine.rating })}
            </div>
          )}
          {p.abilities.evaluate && (
            <div style={{ marginTop: 8 }} {...tid('delib-survey-form')}>
              <div>{t('evaluation.rate')}</div>
              {/* Big tap targets rather than small stars: many who answer are elderly. */}
              <Selector
                options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: '★'.repeat(n) }))}
                value={rating ? [rating] : []}
                onChange={(v) => setRating(v[0] ?? 0)}
                {...tid('delib-survey-rate')}
              />
              <TTextArea
                testId="delib-survey-comment"
                value={comment}
                onChange={setComment}
                rows={2}
                maxLength={api.deliberation.REASON_MAX}
                placeholder={t('evaluation.comment')}
              />
              <Button
                color="primary"
                size="small"
                disabled={rating < 1}
                onClick={() => void submit()}
                {...tid('delib-survey-submit')}
              >
                {t('evaluation.submit')}
              </Button>
            </div>
          )}
          {e.answers
            .filter((a) => a.comment)
            .map((a) => (
              <div key={a.createdAt + a.comment} className="delib-comment">
                <Rate readOnly value={a.rating} style={{ '--star-size': '14px' }} />{' '}
                <span style={{ overflowWrap: 'anywhere' }}>{a.comment}</span>
              </div>
            ))}
        </>
      )}
    </Card>
  );
}

/** 形成项目 / 推动实施: owner, plan, budget, milestones, progress with photos; follow it. */
export function ProjectCard({ p, onChange }: { p: Detail; onChange: (d: Detail) => void }) {
  const { t } = useDelibT();
  const project = p.project!;
  const follow = async () => {
    try {
      onChange(
        await call(api.deliberation.followProject, {
          params: { id: project.id },
          body: { following: !project.following },
        }),
      );
    } catch (e) {
      Toast.show({ content: errorText(e), icon: 'fail' });
    }
  };
  return (
    <>
      <Card className="card-gap" title={project.title} {...tid('delib-project')} data-status={project.status}>
        <Space wrap>
          <Tag color={project.status === 'completed' ? 'success' : 'primary'} {...tid('delib-project-status')}>
            {t(`project.status.${project.status}`)}
          </Tag>
          <span className="muted">{t('project.followers', { n: project.followerCount })}</span>
        </Space>
        <List style={{ '--border-top': 'none' }}>
          <List.Item extra={project.owner}>{t('project.owner')}</List.Item>
          <List.Item extra={`¥${yuan(project.budgetFen)}`}>{t('project.budget')}</List.Item>
        </List>
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{project.plan}</div>
        {project.milestones.length > 0 && (
          <Steps direction="vertical">
            {project.milestones.map((m) => (
              <Steps.Step
                key={m.id}
                status={m.doneAt ? 'finish' : 'wait'}
                title={m.title}
                description={m.doneAt ? formatTime(m.doneAt) : (m.dueOn ?? '')}
              />
            ))}
          </Steps>
        )}
        {p.abilities.follow && (
          <Button
            size="small"
            color="primary"
            fill={project.following ? 'outline' : 'solid'}
            onClick={() => void follow()}
            {...tid('delib-follow')}
          >
            {project.following ? t('project.unfollow') : t('project.follow')}
          </Button>
        )}
      </Card>
      {project.progress.length > 0 && (
        <Card className="card-gap" title={t('project.progress')} {...tid('delib-progress')}>
          {project.progress.map((g) => (
            <div key={g.id} className="delib-comment">
              <div className="muted">
                {g.authorLabel} · {formatTime(g.createdAt)}
              </div>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{g.body}</div>
              <Photos
                base={`/api/proposals/${encodeURIComponent(p.id)}/files`}
                ids={g.photos}
                testId="delib-progress-photo"
              />
            </div>
          ))}
        </Card>
      )}
      <Survey p={p} onChange={onChange} />
    </>
  );
}
