import { Alert, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';

/** antd `validateFields()` rejects with `{ errorFields }`: the form already shows those. */
const isFormInvalid = (e: unknown): boolean => typeof e === 'object' && e !== null && 'errorFields' in e;

interface Props {
  open: boolean;
  title: ReactNode;
  /** Test-id stem: the modal body is `<stem>-modal`, buttons `<stem>-confirm` / `<stem>-cancel`, error `<stem>-error`. */
  testId: string;
  okText?: ReactNode;
  danger?: boolean;
  /** Runs on OK; throw to keep the modal open (an API error's detail is shown in it). */
  onOk: () => Promise<void>;
  onClose: () => void;
  children?: ReactNode;
}

/** A modal whose OK runs an async action, with loading state and the server's error message. */
export function ActionModal({ open, title, testId, okText, danger, onOk, onClose, children }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    setBusy(true);
    setError(null);
    try {
      await onOk();
    } catch (e) {
      if (!isFormInvalid(e)) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onOk={() => void ok()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      confirmLoading={busy}
      okButtonProps={{ ...tid(`${testId}-confirm`), danger }}
      cancelButtonProps={tid(`${testId}-cancel`)}
      destroyOnHidden
    >
      <div {...tid(`${testId}-modal`)}>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} {...tid(`${testId}-error`)} />
        )}
        {children}
      </div>
    </Modal>
  );
}
