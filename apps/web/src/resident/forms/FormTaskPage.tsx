import { api, type RouteOutput } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, NoticeBar, Tag, Toast } from 'antd-mobile';
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { call, errorText, isApiError } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { clearDraft, pickedLabel, readDraft, writeDraft } from './drafts.ts';
import { FieldInput } from './FieldInput.tsx';
import { STATUS_COLORS } from './FormTasksPage.tsx';
import { useFormT } from './i18n.ts';
import { PickerTask } from './Pickers.tsx';

type Task = RouteOutput<typeof api.forms.getTask>;
type Field = Task['fields'][number];
type Answers = Record<string, unknown>;
const SAVE_AFTER_MS = 1200;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
function shown(f: Field, a: Answers): boolean {
  if (!f.showIf) return true;
  const o = a[f.showIf.field];
  if (isEmpty(o)) return false;
  const want = f.showIf.equals;
  return want === undefined || (Array.isArray(o) ? o.includes(want) : o === want);
}

/** Filling one task on a phone: bound values shown as filled, the rest typed; drafts save themselves. */
export function FormTaskPage() {
  const { id = '' } = useParams();
  const task = useQuery({ queryKey: ['form-task', id], queryFn: () => call(api.forms.getTask, { params: { id } }) });
  const { t } = useFormT();
  return (
    <Frame title={task.data?.title ?? t('tasks.title')} backTo="/form-tasks">
      {task.isLoading && <Loading />}
      {task.error && <LoadError error={task.error} onRetry={() => void task.refetch()} />}
      {task.data && (
        <PickerTask.Provider value={task.data.id}>
          <Filler key={`${task.data.id}:${task.data.status}`} task={task.data} />
        </PickerTask.Provider>
      )}
    </Frame>
  );
}

function Filler({ task }: { task: Task }) {
  const { t } = useFormT();
  const qc = useQueryClient();
  const local = readDraft(task.id);
  const [answers, setAnswers] = useState<Answers>(local?.dirty ? local.answers : task.answers);
  const version = useRef(task.version);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'offline'>(local?.dirty ? 'offline' : 'idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editable = task.abilities.edit;

  // One upload at a time: a change made while one is in flight goes next, with the version it returns
  // (two PUTs with the same version would refuse each other with 409).
  const flight = useRef<Promise<void> | null>(null);
  const queued = useRef<Answers | null>(null);
  const upload = useCallback(
    async (first: Answers) => {
      if (flight.current) {
        queued.current = first;
        return flight.current;
      }
      const run = async () => {
        let a: Answers | null = first;
        setState('saving');
        try {
          while (a) {
            const saved = await call(api.forms.saveTaskDraft, {
              params: { id: task.id },
              body: { version: version.current, answers: a },
            });
            version.current = saved.version;
            const next: Answers | null = queued.current;
            queued.current = null;
            // A newer change stays dirty on the phone until its own upload succeeds.
            writeDraft(task.id, { answers: next ?? a, version: saved.version, dirty: next !== null });
            a = next;
          }
          setState('saved');
        } catch (e) {
          queued.current = null;
          if (isApiError(e) && e.status === 409) {
            Toast.show({ content: t('fill.conflict') });
            clearDraft(task.id);
            void qc.invalidateQueries({ queryKey: ['form-task', task.id] });
          } else if (isApiError(e)) {
            setState('idle');
            Toast.show({ content: errorText(e) });
          } else setState('offline');
        } finally {
          flight.current = null;
        }
      };
      flight.current = run();
      return flight.current;
    },
    [task.id, qc, t],
  );

  // Back online (or opened with an unsent local draft): upload it.
  useEffect(() => {
    const retry = () => {
      const d = readDraft(task.id);
      if (d?.dirty) void upload(d.answers);
    };
    if (navigator.onLine) retry();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [task.id, upload]);

  const change = (key: string, v: unknown) => {
    const next = { ...answers };
    if (v === undefined) delete next[key];
    else next[key] = v;
    setAnswers(next);
    setErrors({});
    writeDraft(task.id, { answers: next, version: version.current, dirty: true });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void upload(next), SAVE_AFTER_MS);
  };

  const submit = async () => {
    clearTimeout(timer.current);
    // A draft upload in flight moves the version on: submit after it.
    await flight.current;
    try {
      await call(api.forms.submitTask, { params: { id: task.id }, body: { version: version.current, answers } });
      clearDraft(task.id);
      Toast.show({ content: t('fill.submitted') });
      void qc.invalidateQueries({ queryKey: ['form-task', task.id] });
      void qc.invalidateQueries({ queryKey: ['form-tasks'] });
    } catch (e) {
      const out: Record<string, string> = {};
      if (isApiError(e)) for (const fe of e.errors) out[fe.path.split('/')[2] ?? ''] ??= fe.message;
      setErrors(out);
      Toast.show({ content: errorText(e) });
    }
  };

  const overdue = !task.abilities.submit && editable;
  const visible = task.fields.filter((f) => shown(f, { ...task.prefill, ...answers }));
  const prefilled = task.fields.filter((f) => f.binding).length;
  return (
    <div style={{ padding: 12 }} {...tid('form-fill')}>
      <div style={{ marginBottom: 8, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Tag color={STATUS_COLORS[task.status]}>{t(`status.${task.status}`)}</Tag>
        <span>{task.targetName}</span>
        <span style={{ color: '#1677ff' }} {...tid('form-prefilled-count')}>
          {t('tasks.prefilled', { n: prefilled })}
        </span>
      </div>
      {!editable && <NoticeBar content={t('fill.locked')} color="info" wrap />}
      {overdue && <NoticeBar content={t('fill.overdue')} color="alert" wrap />}
      {state === 'offline' && <NoticeBar content={t('fill.offline')} color="alert" wrap {...tid('form-offline')} />}
      {visible.map((f) => (
        <Card
          key={f.key}
          title={
            <span style={{ fontSize: 17 }}>
              {f.label}
              {f.required && <span style={{ color: '#ff3141' }}> *</span>}
            </span>
          }
          style={{ marginTop: 10 }}
          {...tid(`form-field-${f.key}`)}
        >
          {f.binding ? (
            <BoundField
              field={f}
              task={task}
              answers={answers}
              editable={editable}
              onChange={(v) => change(f.key, v)}
            />
          ) : editable ? (
            <FieldInput field={f} value={answers[f.key]} onChange={(v) => change(f.key, v)} />
          ) : (
            <Shown field={f} value={task.answers[f.key]} />
          )}
          {errors[f.key] && <div style={{ color: '#ff3141', marginTop: 4 }}>{errors[f.key]}</div>}
        </Card>
      ))}
      {editable && (
        <>
          <div style={{ color: '#999', margin: '10px 0', minHeight: 20 }} {...tid('form-save-state')}>
            {state === 'saving' ? t('fill.saving') : state === 'saved' ? t('fill.saved') : ''}
          </div>
          <Button
            block
            color="primary"
            size="large"
            disabled={overdue}
            onClick={() => void submit()}
            {...tid('form-submit')}
          >
            {t('fill.submit')}
          </Button>
        </>
      )}
    </div>
  );
}

function BoundField(p: {
  field: Field;
  task: Task;
  answers: Answers;
  editable: boolean;
  onChange: (v: unknown) => void;
}) {
  const { t } = useFormT();
  const { field, task, answers } = p;
  // While filling, a bound key in the answers is a correction; once submitted, the recorded corrections say.
  const corrected = p.editable ? field.key in answers : task.corrections.some((c) => c.key === field.key);
  const registry = task.prefill[field.key];
  return (
    <div {...tid(`form-bound-${field.key}`)}>
      {corrected && p.editable ? (
        <FieldInput field={field} value={answers[field.key]} onChange={p.onChange} />
      ) : (
        <Shown field={field} value={corrected ? answers[field.key] : registry} />
      )}
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
        <Tag color={corrected ? 'warning' : 'primary'} fill="outline">
          {corrected ? t('fill.corrected') : t('fill.fromRegistry')}
        </Tag>
        {p.editable && (
          <Button size="mini" fill="none" color="primary" onClick={() => p.onChange(corrected ? undefined : registry)}>
            {corrected ? t('fill.undoCorrect') : t('fill.correct')}
          </Button>
        )}
      </div>
    </div>
  );
}

function Shown({ field, value }: { field: Field; value: unknown }) {
  const { t } = useFormT();
  const taskId = useContext(PickerTask);
  if (value === undefined || value === null) return <span style={{ color: '#999' }}>{t('fill.empty')}</span>;
  if (field.type === 'photo')
    return <img src={`/api/attachments/${value}`} alt={field.label} style={{ maxWidth: 160, borderRadius: 6 }} />;
  if (field.type === 'person' || field.type === 'household' || field.type === 'building') {
    const l = pickedLabel(taskId, String(value));
    return (
      <span style={{ fontSize: 17, overflowWrap: 'anywhere' }}>{l ? `${l.label} ${l.detail}` : t('pick.chosen')}</span>
    );
  }
  if (field.type === 'table' && Array.isArray(value))
    return (
      <div style={{ fontSize: 16 }}>
        <div style={{ color: '#666' }}>{t('fill.rows', { n: value.length })}</div>
        {(value as Record<string, unknown>[]).slice(0, 50).map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: read-only rows
          <div key={i}>{(field.columns ?? []).map((c) => String(r[c.key] ?? '')).join(' · ')}</div>
        ))}
      </div>
    );
  const text = Array.isArray(value)
    ? value.join('、')
    : typeof value === 'object'
      ? `${(value as { lat: number }).lat}, ${(value as { lng: number }).lng}`
      : String(value);
  return <span style={{ fontSize: 20, fontWeight: 600 }}>{text}</span>;
}
