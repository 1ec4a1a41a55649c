import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import type { PersonCard } from './model.ts';
import { EditPersonModal, TagModal } from './PersonForms.tsx';
import { MovedOutNote } from './TransferOut.tsx';

/** The person card: masked ID with an audited reveal, household, tags and the per-field history. */
export function PersonDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, tx, lang } = useRegistryT();
  const labels = useLabels();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [tagging, setTagging] = useState(false);
  const card = useQuery({
    queryKey: ['registry-person', id],
    queryFn: () => call(api.registry.getPerson, { params: { id: id! } }),
    enabled: !!id,
  });
  const history = useQuery({
    queryKey: ['registry-history', id, card.data?.version],
    queryFn: () => call(api.registry.personHistory, { params: { id: id! } }),
    enabled: !!card.data,
  });
  const p = card.data;
  const refresh = async (next?: PersonCard) => {
    if (next) qc.setQueryData(['registry-person', id], next);
    await qc.invalidateQueries({ queryKey: ['registry-people'] });
    await qc.invalidateQueries({ queryKey: ['registry-room'] });
  };

  const reveal = () => {
    let purpose = '';
    modal.confirm({
      title: t('person.revealPurpose'),
      content: (
        <Input
          onChange={(e) => {
            purpose = e.target.value;
          }}
          maxLength={100}
          {...tid('registry-reveal-purpose')}
        />
      ),
      okButtonProps: tid('registry-reveal-confirm'),
      onOk: async () => {
        try {
          const r = await call(api.registry.revealPersonId, { params: { id: id! }, body: { purpose: purpose.trim() } });
          setRevealed(r.idNumber);
        } catch (e) {
          void message.error(errorText(e));
          throw e;
        }
      },
    });
  };
  const removeTag = (code: string) => {
    let reason = '';
    modal.confirm({
      title: t('tag.removeReason'),
      content: (
        <Input
          onChange={(e) => {
            reason = e.target.value;
          }}
          maxLength={200}
        />
      ),
      onOk: async () => {
        try {
          await refresh(
            await call(api.registry.removePersonTag, { params: { id: id!, code }, query: { reason: reason.trim() } }),
          );
        } catch (e) {
          void message.error(errorText(e));
          throw e;
        }
      },
    });
  };

  return (
    <Drawer
      open={!!id}
      onClose={() => {
        setRevealed(null);
        onClose();
      }}
      title={p ? `${p.name} · ${t('person.card')}` : t('person.card')}
      width="min(560px, 100vw)"
      extra={
        p?.abilities.edit && (
          <Button onClick={() => setEditing(true)} {...tid('registry-person-edit')}>
            {t('person.edit')}
          </Button>
        )
      }
      {...tid('registry-person-drawer')}
    >
      {card.error && <Alert type="error" showIcon title={errorText(card.error)} />}
      {p && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {p.movedOutAt && <MovedOutNote at={p.movedOutAt} />}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('col.name')}>{p.name}</Descriptions.Item>
            <Descriptions.Item label={t('person.idMasked')}>
              <Space wrap>
                <Typography.Text code {...tid('registry-id')}>
                  {revealed ?? p.idMasked}
                </Typography.Text>
                {!revealed && p.abilities.revealId && (
                  <Button size="small" onClick={reveal} {...tid('registry-reveal')}>
                    {t('person.reveal')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.sex')}>{labels.sex(p.sex)}</Descriptions.Item>
            <Descriptions.Item label={t('person.birthDate')}>{`${p.birthDate}(${p.age})`}</Descriptions.Item>
            <Descriptions.Item label={t('col.phone')}>{p.phone ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('col.address')}>{p.address}</Descriptions.Item>
            <Descriptions.Item label={t('col.relation')}>{tx(`relation.${p.relation}`)}</Descriptions.Item>
            <Descriptions.Item label={t('col.residence')}>{tx(`residence.${p.residenceStatus}`)}</Descriptions.Item>
            <Descriptions.Item label={t('person.household')}>
              {p.household.map((m) => `${m.name}(${tx(`relation.${m.relation}`)},${m.age})`).join('、')}
            </Descriptions.Item>
          </Descriptions>
          <div {...tid('registry-tags')}>
            <Space wrap size={[4, 8]}>
              {p.tags.map((g) => (
                <Tag
                  key={g.code}
                  color={g.derived ? 'blue' : g.sensitive ? 'orange' : 'green'}
                  closable={g.canSet}
                  onClose={(e) => {
                    e.preventDefault();
                    removeTag(g.code);
                  }}
                  title={
                    g.evidence
                      ? `${g.evidence} · ${g.validFrom ?? ''}~${g.validTo ?? ''} · ${g.setByName ?? ''}`
                      : undefined
                  }
                  {...tid(`registry-tag-${g.code}`)}
                >
                  {lang === 'en' ? g.nameEn : g.name}
                  {g.level ? ` ${g.level}` : ''}
                  {g.derived ? ` · ${t('tag.derived')}` : ''}
                </Tag>
              ))}
              {p.abilities.setTags && (
                <Button size="small" type="dashed" onClick={() => setTagging(true)} {...tid('registry-tag-add')}>
                  {t('tag.add')}
                </Button>
              )}
            </Space>
          </div>
          <List
            size="small"
            header={t('person.history')}
            loading={history.isFetching}
            locale={{ emptyText: t('person.historyEmpty') }}
            dataSource={history.data?.items ?? []}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    c.field === 'created'
                      ? t('person.created')
                      : `${c.field}: ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`
                  }
                  description={`${formatTime(c.changedAt)} · ${c.changedByName ?? ''} · ${c.reason}`}
                />
              </List.Item>
            )}
            {...tid('registry-history')}
          />
          <EditPersonModal
            open={editing}
            person={p}
            onClose={() => setEditing(false)}
            onSaved={(n) => void refresh(n)}
          />
          <TagModal open={tagging} person={p} onClose={() => setTagging(false)} onSaved={(n) => void refresh(n)} />
        </Space>
      )}
    </Drawer>
  );
}
