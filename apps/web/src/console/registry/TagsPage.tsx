import { api, ROLES } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Select, Switch, Table, Tag } from 'antd';
import { useRegistryT } from '../../i18n/registry.ts';
import { call, errorText } from '../../shared/api.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { useActing } from '../acting.tsx';
import type { TagDef } from './model.ts';

/** 标签管理: the taxonomy, who may set each tag and who may see the sensitive ones (the district edits it). */
export function TagsPage() {
  const { t, tx, lang } = useRegistryT();
  const labels = useLabels();
  const { message } = App.useApp();
  const { anywhere } = useActing();
  const qc = useQueryClient();
  const tags = useQuery({ queryKey: ['registry-tags'], queryFn: () => call(api.registry.listTags) });
  const editable = anywhere('tag.manage');
  const roleOptions = ROLES.map((r) => ({ value: r, label: labels.role(r) }));
  const update = async (g: TagDef, body: { setterRoles?: string[]; viewerRoles?: string[]; active?: boolean }) => {
    try {
      await call(api.registry.updateTag, { params: { code: g.code }, body: { version: g.version, ...body } });
    } catch (e) {
      void message.error(errorText(e));
    }
    await qc.invalidateQueries({ queryKey: ['registry-tags'] });
  };
  const roles = (g: TagDef, field: 'setterRoles' | 'viewerRoles') =>
    editable && !g.derived ? (
      <Select
        mode="multiple"
        size="small"
        style={{ minWidth: 220 }}
        value={g[field]}
        options={roleOptions}
        onChange={(v) => void update(g, { [field]: v })}
        {...tid(`tag-${field}-${g.code}`)}
      />
    ) : (
      g[field].map((r) => <Tag key={r}>{labels.role(r)}</Tag>)
    );
  return (
    <Card size="small" title={t('tags.title')} {...tid('tags-page')}>
      <Alert type="info" showIcon title={t('tags.hint')} style={{ marginBottom: 12 }} />
      {tags.error && <Alert type="error" showIcon title={errorText(tags.error)} />}
      <Table<TagDef>
        rowKey="code"
        size="small"
        pagination={false}
        loading={tags.isFetching}
        dataSource={tags.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('tag.tag'),
            key: 'name',
            render: (_: unknown, g) => (
              <span {...tid(`tag-row-${g.code}`)}>
                {lang === 'en' ? g.nameEn : g.name}
                {g.sensitive && (
                  <Tag color="orange" style={{ marginLeft: 6 }}>
                    {t('tag.sensitive')}
                  </Tag>
                )}
                {g.derived && (
                  <Tag color="blue" style={{ marginLeft: 6 }}>
                    {t('tag.derived')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('tags.category'), dataIndex: 'category', render: (c: string) => tx(`tags.categories.${c}`) },
          {
            title: t('tags.age'),
            key: 'age',
            render: (_: unknown, g) => (g.derived ? `${g.minAge ?? 0}–${g.maxAge ?? ''}` : ''),
          },
          { title: t('tags.setters'), key: 'setters', render: (_: unknown, g) => roles(g, 'setterRoles') },
          {
            title: t('tags.viewers'),
            key: 'viewers',
            render: (_: unknown, g) => (g.sensitive ? roles(g, 'viewerRoles') : ''),
          },
          {
            title: t('tags.active'),
            key: 'active',
            render: (_: unknown, g) => (
              <Switch
                size="small"
                checked={g.active}
                disabled={!editable}
                onChange={(active) => void update(g, { active })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
