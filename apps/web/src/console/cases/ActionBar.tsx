import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';
import { CommandModal } from './CommandModal.tsx';
import { DispatchDialog } from './DispatchDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { type AllowedKey, type CaseDetail, departmentNames } from './model.ts';

/** `absorb` is the server's half of a merge: no endpoint takes it, so it never gets a button. */
const INTERNAL = ['absorb'];
/** The commands that move a case forward get the primary colour. */
const PRIMARY = ['accept', 'register', 'dispatch', 'acceptAssignment', 'handle', 'check', 'resolve', 'recordMeeting'];
const DANGER = ['returnAssignment', 'sendBack', 'cancel', 'cancelMeeting'];

interface Props {
  c: CaseDetail;
  onConflict: (message: string) => void;
}

/** One button per command in `allowed`, each opening the dialog that collects what the command needs. */
export function ActionBar({ c, onConflict }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { message } = App.useApp();
  const [open, setOpen] = useState<AllowedKey | null>(null);
  const keys = c.allowed.filter((k) => !INTERNAL.includes(k.type));
  const names = departmentNames(c);
  const several = new Set(keys.flatMap((k) => (k.departmentId ? [k.departmentId] : []))).size > 1;
  const close = () => setOpen(null);
  const done = (type: string) => message.success(t('casesConsole.done', { command: labels.command(type) }));
  const props = { c, onClose: close, onConflict, onDone: done };

  return (
    <div {...tid('case-actions')}>
      {keys.length === 0 ? (
        <Typography.Text type="secondary" {...tid('case-no-actions')}>
          {t('casesConsole.detail.noActions')}
        </Typography.Text>
      ) : (
        <Space wrap>
          {keys.map((k) => {
            const dept = k.departmentId ? names.get(k.departmentId) : undefined;
            const label = k.type === 'merge' ? t('casesConsole.merge.button') : labels.command(k.type);
            return (
              <Button
                key={`${k.type}-${k.departmentId ?? ''}`}
                type={PRIMARY.includes(k.type) ? 'primary' : 'default'}
                danger={DANGER.includes(k.type)}
                onClick={() => setOpen(k)}
                data-department={dept}
                {...tid(`case-action-${k.type}`)}
              >
                {label}
                {several && dept ? ` · ${dept}` : ''}
              </Button>
            );
          })}
        </Space>
      )}
      {open?.type === 'dispatch' && <DispatchDialog {...props} />}
      {open?.type === 'merge' && <MergeDialog {...props} />}
      {open && open.type !== 'dispatch' && open.type !== 'merge' && (
        <CommandModal key={`${open.type}-${open.departmentId ?? ''}`} command={open} {...props} />
      )}
    </div>
  );
}
