import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { ActionModal } from './ActionModal.tsx';

interface ModalProps {
  open: boolean;
  onClose: () => void;
}

/** "Approve this application?" */
export function ApproveModal({ open, name, onOk, onClose }: ModalProps & { name: string; onOk: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <ActionModal
      open={open}
      title={t('review.approve')}
      okText={t('review.approve')}
      testId="review-approve"
      onOk={onOk}
      onClose={onClose}
    >
      {t('review.approveConfirm', { name })}
    </ActionModal>
  );
}

/** Reject with a reason the applicant will read. */
export function RejectModal({ open, onOk, onClose }: ModalProps & { onOk: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ActionModal
      open={open}
      title={t('review.rejectTitle')}
      okText={t('review.reject')}
      danger
      testId="review-reject"
      onOk={async () => {
        const v = await form.validateFields();
        await onOk(v.reason.trim());
      }}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('review.reason')}
          rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('review.reasonPlaceholder') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('review.reasonPlaceholder')}
            {...tid('review-reject-reason')}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** Asks why, then shows the full ID number (the server records the reveal in the audit log). */
export function RevealIdModal({
  open,
  reveal,
  onClose,
}: ModalProps & { reveal: (purpose: string) => Promise<string> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ purpose: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [idNumber, setIdNumber] = useState<string | null>(null);
  const ask = async () => {
    let purpose: string;
    try {
      purpose = (await form.validateFields()).purpose.trim();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setIdNumber(await reveal(purpose));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('review.revealId')}
      onOk={() => (idNumber ? onClose() : void ask())}
      okText={idNumber ? t('common.confirm') : t('review.revealId')}
      onCancel={onClose}
      afterClose={() => {
        setIdNumber(null);
        setError(null);
      }}
      confirmLoading={busy}
      okButtonProps={tid(idNumber ? 'review-reveal-close' : 'review-reveal-confirm')}
      cancelButtonProps={{ ...tid('review-reveal-cancel'), style: idNumber ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      <div {...tid('review-reveal-modal')}>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} {...tid('review-reveal-error')} />
        )}
        {idNumber ? (
          <Typography.Title
            level={3}
            copyable
            style={{ margin: '8px 0', letterSpacing: 1 }}
            {...tid('review-revealed-id')}
          >
            {idNumber}
          </Typography.Title>
        ) : (
          <Form form={form} layout="vertical" preserve={false}>
            <Alert type="info" showIcon title={t('review.purposeHint')} style={{ marginBottom: 12 }} />
            <Form.Item
              name="purpose"
              label={t('review.purpose')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  max: 100,
                  message: t('common.required', { field: t('review.purpose') }),
                },
              ]}
            >
              <Input placeholder={t('review.purposePlaceholder')} maxLength={100} {...tid('review-reveal-purpose')} />
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
}
