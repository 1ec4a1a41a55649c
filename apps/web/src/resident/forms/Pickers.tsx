import { api } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DotLoading, Empty, List, Popup, SearchBar } from 'antd-mobile';
import { createContext, useContext, useEffect, useState } from 'react';
import { call, errorText } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { pickedLabel, rememberLabel } from './drafts.ts';
import { useFormT } from './i18n.ts';

type Kind = api.formPickers.PickerKind;

/** The task being filled: the pickers list what lives in its target. */
export const PickerTask = createContext<string>('');

function useDebounced<T>(v: T, ms: number): T {
  const [out, setOut] = useState(v);
  useEffect(() => {
    const h = setTimeout(() => setOut(v), ms);
    return () => clearTimeout(h);
  }, [v, ms]);
  return out;
}

/**
 * A person, household or building of the task's target: a button showing the choice, a bottom sheet with a
 * search box and the list. The chosen label is remembered on the phone (the answer itself is only the id).
 */
export function TargetPicker({
  kind,
  fieldKey,
  value,
  onChange,
}: {
  kind: Kind;
  fieldKey: string;
  value: string | undefined;
  onChange: (v: unknown) => void;
}) {
  const { t } = useFormT();
  const taskId = useContext(PickerTask);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const list = useQuery({
    queryKey: ['form-picker', taskId, kind, query],
    queryFn: () =>
      call(api.formPickers.taskPicker, { params: { id: taskId }, query: { kind, ...(query ? { q: query } : {}) } }),
    enabled: open && !!taskId,
    // The list stays while a new search loads, instead of flashing empty under the finger.
    placeholderData: keepPreviousData,
  });
  const chosen = value ? pickedLabel(taskId, value) : null;
  const id = `form-pick-${fieldKey}`;
  return (
    <>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        {value && (
          <div style={{ flex: '1 1 160px', minWidth: 0 }} {...tid(`${id}-value`)}>
            <div style={{ fontSize: 17, fontWeight: 600, overflowWrap: 'anywhere' }}>
              {chosen?.label ?? t('pick.chosen')}
            </div>
            {chosen?.detail && <div style={{ color: '#666', overflowWrap: 'anywhere' }}>{chosen.detail}</div>}
          </div>
        )}
        <Button size="small" color="primary" fill="outline" onClick={() => setOpen(true)} {...tid(id)}>
          {value ? t('pick.change') : t(`pick.choose.${kind}`)}
        </Button>
        {value && (
          <Button size="small" fill="none" onClick={() => onChange(undefined)} {...tid(`${id}-clear`)}>
            {t('pick.clear')}
          </Button>
        )}
      </div>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        bodyStyle={{ height: '75vh', display: 'flex', flexDirection: 'column' }}
        destroyOnClose
      >
        <div style={{ padding: 12, display: 'flex', gap: 8, alignItems: 'center' }}>
          <SearchBar
            style={{ flex: 1 }}
            placeholder={t(`pick.search.${kind}`)}
            value={q}
            onChange={setQ}
            {...tid(`${id}-search`)}
          />
          <Button size="small" fill="none" onClick={() => setOpen(false)}>
            {t('pick.close')}
          </Button>
        </div>
        <div
          style={{ flex: 1, overflowY: 'auto' }}
          data-query={query}
          data-fetching={list.isFetching}
          {...tid(`${id}-list`)}
        >
          {list.isFetching && !list.data && (
            <div style={{ textAlign: 'center', padding: 24 }}>
              <DotLoading />
            </div>
          )}
          {list.error && <div style={{ color: '#ff3141', padding: 12 }}>{errorText(list.error)}</div>}
          {list.data && list.data.items.length === 0 && <Empty description={t('pick.none')} />}
          <List>
            {list.data?.items.map((it) => (
              <List.Item
                key={it.id}
                description={it.detail || undefined}
                onClick={() => {
                  rememberLabel(taskId, it.id, { label: it.label, detail: it.detail });
                  onChange(it.id);
                  setOpen(false);
                }}
                arrowIcon={false}
                extra={it.id === value ? '✓' : undefined}
                data-label={it.label}
                {...tid(`${id}-option`)}
              >
                <span style={{ fontSize: 17 }}>{it.label}</span>
              </List.Item>
            ))}
          </List>
          {list.data?.more && <div style={{ color: '#999', padding: 12, textAlign: 'center' }}>{t('pick.more')}</div>}
        </div>
      </Popup>
    </>
  );
}
