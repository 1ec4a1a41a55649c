import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/labels.ts';
import { tid } from '../../shared/testid.ts';
import { type ActingPoint, useActing } from '../acting.tsx';

/** "临江区 / 青松街道 / 银杏社区 · 社区书记" */
export const useGrantLabel = () => {
  const labels = useLabels();
  return (g: Pick<ActingPoint, 'trail' | 'role'>) => `${g.trail.join(' / ')} · ${labels.role(g.role)}`;
};

/** Chooses the grant (role at an org node) the console acts under. */
export function NodeSwitcher() {
  const { t } = useTranslation();
  const { acting, options, setActing } = useActing();
  const label = useGrantLabel();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 0, maxWidth: '100%' }}>
      <span style={{ color: '#666', whiteSpace: 'nowrap' }}>{t('console.actingAt')}</span>
      <Select
        value={acting.id}
        onChange={setActing}
        options={options.map((g) => ({ value: g.id, label: label(g), grant: g }))}
        optionRender={(o) => <span {...tid(`node-switcher-option-${o.data.grant.nodeName}`)}>{o.label}</span>}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 0, width: 360, maxWidth: '100%' }}
        popupMatchSelectWidth={false}
        {...tid('node-switcher')}
      />
    </span>
  );
}
