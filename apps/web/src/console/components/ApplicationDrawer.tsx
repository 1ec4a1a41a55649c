import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isApiError } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { type Application, STATUS_COLOR } from '../pages/ReviewPage.tsx';
import { ApproveModal, RejectModal, RevealIdModal } from './DecisionModals.tsx';

type Dialog = 'approve' | 'reject' | 'reveal' | null;

/** One application: details, approve, reject with a reason, audited ID reveal; 409 → "already handled". */
export function ApplicationDrawer({ application, onClose }: { application: Application | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { allowed } = useActing();
  const labels = useLabels();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [conflict, setConflict] = useState(false);
  const id = application?.id ?? '';
  const q = useQuery({
    queryKey: ['application', id],
    queryFn: () => call(api.join.getApplication, { params: { id } }),
    enabled: !!application,
    initialData: application ?? undefined,
  });
  const a = q.data ?? application;

  const decide = async (kind: 'approve' | 'reject', reason?: string) => {
    if (!a) return;
    try {
      const updated =
        kind === 'approve'
          ? await call(api.join.approveApplication, { params: { id }, body: { version: a.version } })
          : await call(api.join.rejectApplication, {
              params: { id },
              body: { version: a.version, reason: reason ?? '' },
            });
      qc.setQueryData(['application', id], updated);
      void message.success(t(kind === 'approve' ? 'review.approved' : 'review.rejected'));
      setDialog(null);
    } catch (e) {
      if (!isApiError(e) || e.status !== 409) throw e;
      setConflict(true);
      setDialog(null);
      void q.refetch();
    } finally {
      void qc.invalidateQueries({ queryKey: ['applications'] });
    }
  };

  // The server sends `approve` / `reject` / `revealId` abilities with each application.
  const canApprove = !!a && (a.abilities?.approve ?? allowed('join.review'));
  const canReject = !!a && (a.abilities?.reject ?? allowed('join.review'));
  const canReveal = !!a && (a.abilities?.revealId ?? allowed('person.reveal_id'));
  const pending = a?.status === 'pending';

  return (
    <Drawer
      open={!!application}
      onClose={onClose}
      size={520}
      title={t('review.detail')}
      closeIcon={<span {...tid('review-drawer-close')}>✕</span>}
      extra={
        a && pending && (canApprove || canReject) && !conflict ? (
          <Space>
            {canReject && (
              <Button danger onClick={() => setDialog('reject')} {...tid('review-reject')}>
                {t('review.reject')}
              </Button>
            )}
            {canApprove && (
              <Button type="primary" onClick={() => setDialog('approve')} {...tid('review-approve')}>
                {t('review.approve')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {a && (
        <div {...tid('review-drawer')} data-status={a.status}>
          {conflict && (
            <Alert
              type="warning"
              showIcon
              title={t('review.conflict')}
              style={{ marginBottom: 16 }}
              {...tid('review-conflict')}
            />
          )}
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('fields.name')}>{a.name}</Descriptions.Item>
            <Descriptions.Item label={t('review.sex')}>{labels.sex(a.sex)}</Descriptions.Item>
            <Descriptions.Item label={t('review.birthDate')}>{a.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('fields.idNumber')}>
              <Space wrap>
                <Typography.Text {...tid('review-id-number')}>{a.idNumberMasked}</Typography.Text>
                {canReveal && (
                  <Button size="small" onClick={() => setDialog('reveal')} {...tid('review-reveal')}>
                    {t('review.revealId')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.phone')}>{a.phone}</Descriptions.Item>
            <Descriptions.Item label={t('review.community')}>{a.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.address')}>{a.address}</Descriptions.Item>
            <Descriptions.Item label={t('review.time')}>{formatTime(a.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('review.status')}>
              <Tag color={STATUS_COLOR[a.status]} {...tid('review-drawer-status')}>
                {t(`status.${a.status}`)}
              </Tag>
            </Descriptions.Item>
            {a.decidedAt && (
              <Descriptions.Item label={t('applications.decidedAt')}>{formatTime(a.decidedAt)}</Descriptions.Item>
            )}
            {a.decidedByName && <Descriptions.Item label={t('review.decidedBy')}>{a.decidedByName}</Descriptions.Item>}
            {a.reason && <Descriptions.Item label={t('review.reason')}>{a.reason}</Descriptions.Item>}
          </Descriptions>
        </div>
      )}
      <ApproveModal
        open={dialog === 'approve'}
        name={a?.name ?? ''}
        onOk={() => decide('approve')}
        onClose={() => setDialog(null)}
      />
      <RejectModal
        open={dialog === 'reject'}
        onOk={(reason) => decide('reject', reason)}
        onClose={() => setDialog(null)}
      />
      <RevealIdModal
        open={dialog === 'reveal'}
        reveal={async (purpose) => {
          const r = await call(api.join.revealApplicationId, { params: { id }, body: { purpose } });
          return r.idNumber;
        }}
        onClose={() => setDialog(null)}
      />
    </Drawer>
  );
}
