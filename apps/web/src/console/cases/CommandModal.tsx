import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { CommandFields, type FieldValues } from './CommandFields.tsx';
import {
  type AllowedKey,
  CaseConflict,
  type CaseDetail,
  type CommandBody,
  type CommandInput,
  departmentNames,
  fromLocalInput,
  useCaseWrites,
} from './model.ts';

/** Commands whose note is required (commands.ts / validate.ts): a reason, or what was done. */
export const NOTE_REQUIRED: Partial<Record<string, 'reason' | 'note'>> = {
  escalate: 'reason',
  sendBack: 'reason',
  returnAssignment: 'reason',
  reopen: 'reason',
  park: 'reason',
  cancelMeeting: 'reason',
  resolve: 'note',
  handle: 'note',
};

const clean = (s: string | undefined): string | undefined => s?.trim() || undefined;

/** The body of one command from the form (dispatch and merge have their own dialogs). */
function bodyOf(key: AllowedKey, v: FieldValues): CommandInput {
  const note = clean(v.note);
  const departmentId = key.departmentId;
  switch (key.type) {
    case 'handle':
    case 'resolve':
      return { note, departmentId, attachments: v.attachments?.length ? v.attachments : undefined };
    case 'check':
      return v.passed === 'pass'
        ? { passed: true, note }
        : { passed: false, note, departmentIds: v.departmentIds?.length ? v.departmentIds : undefined };
    case 'urge':
      return { level: v.level ?? 'normal', departmentId: v.urgeDepartmentId || undefined, note };
    case 'park':
      return { reviewAt: fromLocalInput(v.reviewAt) ?? undefined, note };
    case 'summon':
      return { at: fromLocalInput(v.at) ?? undefined, place: clean(v.place), departmentIds: v.departmentIds, note };
    case 'confirmAttendance':
      return { departmentId, attend: v.attend === 'yes', note };
    case 'recordMeeting':
      return {
        minutes: clean(v.minutes),
        agreedActions: (v.agreedActions ?? []).map((a) => a.trim()).filter(Boolean),
        note,
      };
    case 'rate':
      return { score: v.score, comment: clean(v.comment), note };
    default:
      return departmentId ? { departmentId, note } : { note };
  }
}

interface Props {
  c: CaseDetail;
  command: AllowedKey;
  onClose: () => void;
  /** Someone else acted first: the page reloads the case and says so. */
  onConflict: (message: string) => void;
  onDone: (type: string) => void;
}

/** One workflow command: collects exactly what the command needs, sends it with the case's `version`. */
export function CommandModal({ c, command, onClose, onConflict, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const writes = useCaseWrites(c.id);
  const [form] = Form.useForm<FieldValues>();
  const passed = Form.useWatch('passed', form);
  const type = command.type;
  const need = type === 'check' && passed === 'fail' ? 'reason' : NOTE_REQUIRED[type];
  const deptName = command.departmentId ? departmentNames(c).get(command.departmentId) : undefined;
  const title = `${labels.command(type)}${deptName ? ` · ${deptName}` : ''}`;
  const ok = async () => {
    const v = await form.validateFields();
    try {
      await writes.run(c, type as CommandBody['type'], bodyOf(command, v));
      onDone(type);
      onClose();
    } catch (e) {
      if (!(e instanceof CaseConflict)) throw e;
      onConflict(e.message);
      onClose();
    }
  };
  const noteLabel = need === 'reason' ? t('casesConsole.form.reason') : t('casesConsole.form.note');
  return (
    <ActionModal
      open
      title={
        <span data-command={type} {...tid('case-cmd-title')}>
          {title}
        </span>
      }
      okText={labels.command(type)}
      danger={type === 'returnAssignment' || type === 'cancel' || type === 'cancelMeeting'}
      testId="case-cmd"
      onOk={ok}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ passed: 'pass', level: 'normal', attend: 'yes' }}
      >
        {!need && !hasOwnFields(type) && (
          <Typography.Paragraph>{t('casesConsole.form.confirmText', { command: title })}</Typography.Paragraph>
        )}
        <CommandFields c={c} type={type} />
        <Form.Item
          name="note"
          label={noteLabel}
          rules={
            need
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message:
                      need === 'reason' ? t('casesConsole.form.reasonRequired') : t('casesConsole.form.noteRequired'),
                  },
                ]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount {...tid('case-cmd-note')} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

const OWN_FIELDS = [
  'handle',
  'resolve',
  'check',
  'urge',
  'park',
  'summon',
  'confirmAttendance',
  'recordMeeting',
  'rate',
];
const hasOwnFields = (type: string): boolean => OWN_FIELDS.includes(type);
