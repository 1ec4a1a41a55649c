import { api, cases, dueAt } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, UserMessage } from '../../shared/api.ts';
import { useCaseLabels } from '../../shared/case-labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import { ActionModal } from '../components/ActionModal.tsx';
import { limitText } from '../components/limits.ts';
import { useCategories } from './categories.tsx';
import { CaseConflict, type CaseDetail, fromLocalInput, localInput, useCaseWrites } from './model.ts';

/** A department still holding the case (open or handled, not yet checked) cannot be dispatched again. */
const BUSY = ['dispatched', 'accepted', 'rework', 'handled'];

/** The district's working calendar (materialized paths start at the district). */
function useDistrictCalendar() {
  const { acting } = useActing();
  const districtId = acting.path.split('/').filter(Boolean)[0] ?? '';
  return useQuery({
    queryKey: ['calendar', districtId],
    queryFn: () => call(api.calendar.getCalendar, { params: { id: districtId } }),
    staleTime: 300_000,
  });
}

interface Props {
  c: CaseDetail;
  onClose: () => void;
  onConflict: (message: string) => void;
  onDone: (type: string) => void;
}

/**
 * 派遣: one or more departments serving the street, each with a deadline that defaults to now plus the
 * category's handle limit on the district's working calendar (the same `dueAt` the server's SLA uses).
 */
export function DispatchDialog({ c, onClose, onConflict, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const writes = useCaseWrites(c.id);
  const categories = useCategories();
  const calendar = useDistrictCalendar();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const category = categories.data?.items.find((x) => x.id === c.categoryId);
  const limit = category?.limits.handle ?? cases.DEFAULT_LIMITS.handle;
  const defaultDeadline = () => (calendar.data ? localInput(dueAt(new Date(), limit, calendar.data.calendar)) : '');
  const statusOf = new Map(c.assignments.map((a) => [a.departmentId, a.status]));

  const ok = async () => {
    const chosen = Object.entries(picked);
    if (chosen.length === 0) throw new UserMessage(t('casesConsole.dispatch.pick'));
    const assignments = chosen.map(([departmentId, local]) => {
      const deadline = fromLocalInput(local);
      if (!deadline || Date.parse(deadline) <= Date.now()) throw new UserMessage(t('casesConsole.form.mustBeFuture'));
      return { departmentId, deadline };
    });
    try {
      await writes.run(c, 'dispatch', { assignments, note: note.trim() || undefined });
      onDone('dispatch');
      onClose();
    } catch (e) {
      if (!(e instanceof CaseConflict)) throw e;
      onConflict(e.message);
      onClose();
    }
  };

  return (
    <ActionModal
      open
      title={labels.command('dispatch')}
      okText={labels.command('dispatch')}
      testId="dispatch"
      onOk={ok}
      onClose={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary" {...tid('dispatch-limit')}>
          {t('casesConsole.dispatch.deadlineHint', { limit: limitText(t, limit) })}
        </Typography.Text>
        {c.departmentsServing.length === 0 && <Alert type="info" showIcon title={t('casesConsole.dispatch.none')} />}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.departmentsServing}
          columns={[
            {
              title: t('casesConsole.dispatch.departments'),
              key: 'name',
              render: (_: unknown, d) => {
                const status = statusOf.get(d.id);
                const busy = status !== undefined && BUSY.includes(status);
                return (
                  <Checkbox
                    checked={d.id in picked}
                    disabled={busy}
                    onChange={(e) =>
                      setPicked((p) => {
                        const next = { ...p };
                        if (e.target.checked) next[d.id] = defaultDeadline();
                        else delete next[d.id];
                        return next;
                      })
                    }
                    {...tid(`dispatch-dept-${d.name}`)}
                  >
                    {d.name}
                    {status && (
                      <Tag style={{ marginInlineStart: 8 }} color={busy ? 'blue' : 'default'}>
                        {labels.assignment(status)}
                      </Tag>
                    )}
                  </Checkbox>
                );
              },
            },
            {
              title: t('casesConsole.dispatch.deadline'),
              key: 'deadline',
              width: 210,
              render: (_: unknown, d) => (
                <Input
                  type="datetime-local"
                  disabled={!(d.id in picked)}
                  value={picked[d.id] ?? ''}
                  onChange={(e) => setPicked((p) => ({ ...p, [d.id]: e.target.value }))}
                  {...tid(`dispatch-deadline-${d.name}`)}
                />
              ),
            },
          ]}
          {...tid('dispatch-departments')}
        />
        <Input.TextArea
          rows={2}
          maxLength={2000}
          placeholder={t('casesConsole.form.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...tid('dispatch-note')}
        />
      </Space>
    </ActionModal>
  );
}
