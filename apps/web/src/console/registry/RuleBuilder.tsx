import type { api } from '@linli/contracts';
import { Button, InputNumber, Select, Space } from 'antd';
import { useRegistryT } from '../../i18n/registry.ts';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { OWNERSHIPS, RESIDENCES, type TagDef } from './model.ts';

type Condition = api.registryOutreach.RuleCondition;
const KINDS = ['tag', 'notTag', 'age', 'sex', 'residence', 'household', 'housing'] as const;
type Kind = (typeof KINDS)[number];

const kindOf = (c: Condition): Kind =>
  'tag' in c ? (c.has ? 'tag' : 'notTag') : 'anyTag' in c ? 'tag' : (Object.keys(c)[0] as Kind);

const fresh = (k: Kind, tags: TagDef[]): Condition => {
  const first = tags[0]?.code ?? 'elderly';
  switch (k) {
    case 'tag':
    case 'notTag':
      return { tag: first, has: k === 'tag' };
    case 'age':
      return { age: { min: 60 } };
    case 'sex':
      return { sex: 'female' };
    case 'residence':
      return { residence: ['permanent'] };
    case 'household':
      return { household: { maxSize: 1 } };
    case 'housing':
      return { housing: { ownership: ['rented'] } };
  }
};

/** Conditions of a policy rule, all of which must hold; each row edits one condition. */
export function RuleBuilder({
  value,
  onChange,
  tags,
}: {
  value: Condition[];
  onChange: (v: Condition[]) => void;
  tags: TagDef[];
}) {
  const { t, tx, lang } = useRegistryT();
  const labels = useLabels();
  const tagOptions = tags
    .filter((g) => g.active)
    .map((g) => ({ value: g.code, label: lang === 'en' ? g.nameEn : g.name }));
  const set = (i: number, c: Condition) => onChange(value.map((x, j) => (j === i ? c : x)));
  const num = (v: number | null | undefined) => (v == null ? undefined : v);

  const editor = (c: Condition, i: number) => {
    if ('tag' in c)
      return (
        <Select
          style={{ minWidth: 140 }}
          value={c.tag}
          options={tagOptions}
          onChange={(tag) => set(i, { ...c, tag })}
          {...tid(`rule-tag-${i}`)}
        />
      );
    if ('anyTag' in c)
      return (
        <Select
          mode="multiple"
          style={{ minWidth: 200 }}
          value={c.anyTag}
          options={tagOptions}
          onChange={(anyTag) => set(i, { anyTag })}
        />
      );
    if ('age' in c)
      return (
        <Space.Compact>
          <InputNumber
            placeholder={t('policy.min')}
            min={0}
            max={130}
            value={c.age.min}
            onChange={(min) => set(i, { age: { ...c.age, min: num(min) } })}
            {...tid(`rule-age-min-${i}`)}
          />
          <InputNumber
            placeholder={t('policy.max')}
            min={0}
            max={130}
            value={c.age.max}
            onChange={(max) => set(i, { age: { ...c.age, max: num(max) } })}
            {...tid(`rule-age-max-${i}`)}
          />
        </Space.Compact>
      );
    if ('sex' in c)
      return (
        <Select
          value={c.sex}
          style={{ width: 90 }}
          options={(['male', 'female'] as const).map((s) => ({ value: s, label: labels.sex(s) }))}
          onChange={(sex) => set(i, { sex })}
        />
      );
    if ('residence' in c)
      return (
        <Select
          mode="multiple"
          style={{ minWidth: 180 }}
          value={c.residence}
          options={RESIDENCES.map((r) => ({ value: r, label: tx(`residence.${r}`) }))}
          onChange={(residence) => residence.length && set(i, { residence })}
        />
      );
    if ('household' in c) {
      const h = c.household;
      return (
        <Space wrap>
          <span>{t('policy.householdSize')}</span>
          <InputNumber
            min={1}
            max={30}
            placeholder={t('policy.min')}
            value={h.minSize}
            onChange={(v) => set(i, { household: { ...h, minSize: num(v) } })}
          />
          <InputNumber
            min={1}
            max={30}
            placeholder={t('policy.max')}
            value={h.maxSize}
            onChange={(v) => set(i, { household: { ...h, maxSize: num(v) } })}
          />
          <Select
            allowClear
            placeholder={t('policy.memberTag')}
            style={{ minWidth: 150 }}
            value={h.memberTag}
            options={tagOptions}
            onChange={(memberTag) => set(i, { household: { ...h, memberTag } })}
          />
        </Space>
      );
    }
    const h = c.housing;
    return (
      <Select
        mode="multiple"
        style={{ minWidth: 180 }}
        placeholder={t('policy.ownership')}
        value={h.ownership ?? []}
        options={OWNERSHIPS.map((o) => ({ value: o, label: tx(`housing.ownerships.${o}`) }))}
        onChange={(ownership) => set(i, { housing: { ...h, ownership: ownership.length ? ownership : undefined } })}
      />
    );
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} {...tid('rule-builder')}>
      {value.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own; rows are edited in place.
        <Space key={i} wrap align="center" {...tid(`rule-row-${i}`)}>
          <Select
            style={{ width: 130 }}
            value={kindOf(c)}
            options={KINDS.map((k) => ({ value: k, label: tx(`policy.conditions.${k}`) }))}
            onChange={(k) => set(i, fresh(k, tags))}
            {...tid(`rule-kind-${i}`)}
          />
          {editor(c, i)}
          <Button
            size="small"
            type="text"
            danger
            disabled={value.length === 1}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ✕
          </Button>
        </Space>
      ))}
      <Button size="small" type="dashed" onClick={() => onChange([...value, fresh('age', tags)])} {...tid('rule-add')}>
        {t('policy.addCondition')}
      </Button>
    </Space>
  );
}
