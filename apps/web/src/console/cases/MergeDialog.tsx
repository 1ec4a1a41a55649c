import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Input, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText, UserMessage } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { CaseConflict, type CaseDetail, useCaseWrites } from './model.ts';
import { StatusTag } from './Tags.tsx';

interface Props {
  c: CaseDetail;
  onClose: () => void;
  onConflict: (message: string) => void;
  onDone: (type: string) => void;
}

/** "Duplicate of…": pick one of the similar open cases the server suggests and merge this one into it. */
export function MergeDialog({ c, onClose, onConflict, onDone }: Props) {
  const { t } = useTranslation();
  const writes = useCaseWrites(c.id);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const query = {
    categoryId: c.categoryId,
    placeId: c.placeId,
    text: c.description.slice(0, 2000),
    excludeId: c.id,
    ...(c.location ? { lat: c.location.lat, lng: c.location.lng } : {}),
  };
  const suggestions = useQuery({
    queryKey: ['cases', 'duplicates', c.id, c.version],
    queryFn: () => call(api.cases.duplicateSuggestions, { query }),
  });
  const items = suggestions.data?.items ?? [];

  const ok = async () => {
    const target = items.find((x) => x.id === targetId);
    if (!target) throw new UserMessage(t('casesConsole.merge.pick'));
    try {
      await writes.merge(c, target, note.trim() || undefined);
      onDone('merge');
      onClose();
    } catch (e) {
      if (!(e instanceof CaseConflict)) throw e;
      onConflict(e.message);
      onClose();
    }
  };

  return (
    <ActionModal open title={t('casesConsole.merge.title')} testId="merge" onOk={ok} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('casesConsole.merge.hint')}</Typography.Text>
        {suggestions.isPending && <Spin />}
        {suggestions.error && <Alert type="error" showIcon title={errorText(suggestions.error)} />}
        {suggestions.isSuccess && items.length === 0 && (
          <Alert type="info" showIcon title={t('casesConsole.merge.empty')} {...tid('merge-empty')} />
        )}
        <Radio.Group value={targetId} onChange={(e) => setTargetId(e.target.value as string)} style={{ width: '100%' }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {items.map((x) => (
              <Radio key={x.id} value={x.id} {...tid(`merge-option-${x.no}`)}>
                <Space orientation="vertical" size={0}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{x.no}</Typography.Text>
                    <StatusTag status={x.status} testId="merge-option-status" />
                    {x.sameBuilding && <Tag>{t('casesConsole.merge.sameBuilding')}</Tag>}
                    {x.distanceM !== null && (
                      <Tag>{t('casesConsole.merge.distance', { m: Math.round(x.distanceM) })}</Tag>
                    )}
                    <Tag color="blue">{t('casesConsole.merge.similarity', { p: Math.round(x.similarity * 100) })}</Tag>
                  </Space>
                  <Typography.Text>{x.title}</Typography.Text>
                  <Typography.Text type="secondary">
                    {x.placeName} · {formatTime(x.createdAt)}
                  </Typography.Text>
                </Space>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          placeholder={t('casesConsole.form.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...tid('merge-note')}
        />
      </Space>
    </ActionModal>
  );
}
