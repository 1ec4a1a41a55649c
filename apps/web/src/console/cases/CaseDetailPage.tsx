import { Alert, Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { ActionBar } from './ActionBar.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { AssignmentsCard, DescriptionCard, MeetingsCard, RatingsCard, ReporterCard } from './CaseSections.tsx';
import { useCase } from './model.ts';
import { CaseTimeline } from './Timeline.tsx';

/** Whether there is a console page to go back to (react-router keeps the history index in `state.idx`). */
const cameFromConsole = (): boolean => ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;

/** The case page: header, the commands allowed now, description and photos, history, departments, meetings. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const { id = '' } = useParams();
  const q = useCase(id);
  const [conflict, setConflict] = useState<string | null>(null);
  const back = (
    <Button onClick={() => (cameFromConsole() ? nav(-1) : nav('/cases'))} {...tid('case-back')}>
      ← {t('casesConsole.detail.back')}
    </Button>
  );
  if (q.isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (q.error || !q.data) {
    return (
      <Result
        status={isApiError(q.error) && q.error.status === 404 ? '404' : 'error'}
        title={errorText(q.error)}
        extra={back}
        {...tid('case-load-error')}
      />
    );
  }
  const c = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-status={c.status} {...tid('case-page')}>
      <Space wrap>
        {back}
        <Button onClick={() => void q.refetch()} loading={q.isFetching} {...tid('case-reload')}>
          {t('casesConsole.refresh')}
        </Button>
      </Space>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          closable={{ onClose: () => setConflict(null) }}
          {...tid('case-conflict')}
        />
      )}
      <Card size="small">
        <CaseHeader c={c} />
        <div style={{ marginTop: 12 }}>
          <ActionBar c={c} onConflict={setConflict} />
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <DescriptionCard c={c} />
            <Card size="small" title={t('casesConsole.detail.timeline')}>
              <CaseTimeline c={c} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ReporterCard c={c} />
            <AssignmentsCard c={c} />
            <MeetingsCard c={c} />
            <RatingsCard c={c} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
