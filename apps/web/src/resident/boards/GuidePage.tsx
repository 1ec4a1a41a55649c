import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd-mobile';
import { useParams } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';

/** `/guides/:id`: one service guide — who, what to bring, steps, where, when, fees, online link, FAQ. */
export function GuidePage() {
  const { t } = useBoardsT();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['guide', id], queryFn: () => call(api.guides.getGuide, { params: { id } }) });
  const g = q.data;
  return (
    <Frame title={t('guides.title')} backTo="/guides">
      {q.isPending ? (
        <Loading />
      ) : q.error || !g ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Card className="card-gap" {...tid('guide-detail')}>
            <h2 className="big-title" {...tid('guide-title')}>
              {g.title}
            </h2>
            <div className="muted">
              {t(`guides.category.${g.category}`)} · {g.nodeName}
            </div>
          </Card>
          <List className="card-gap">
            <List.Item title={t('guides.audience')}>{g.audience}</List.Item>
            <List.Item title={t('guides.materials')} {...tid('guide-materials')}>
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {g.materials.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ol>
            </List.Item>
            <List.Item title={t('guides.steps')}>
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {g.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            </List.Item>
            {g.place && <List.Item title={t('guides.place')}>{g.place}</List.Item>}
            {g.hours && (
              <List.Item title={t('guides.hours')} {...tid('guide-hours')}>
                {g.hours}
              </List.Item>
            )}
            {g.fees && <List.Item title={t('guides.fees')}>{g.fees}</List.Item>}
            {g.onlineUrl?.startsWith('https://') && (
              <List.Item title={t('guides.online')}>
                <a href={g.onlineUrl} target="_blank" rel="noopener noreferrer">
                  {g.onlineUrl}
                </a>
              </List.Item>
            )}
          </List>
          {g.faqs.length > 0 && (
            <List header={t('guides.faqs')} className="card-gap">
              {g.faqs.map((f) => (
                <List.Item key={f.q} title={f.q}>
                  {f.a}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Frame>
  );
}
