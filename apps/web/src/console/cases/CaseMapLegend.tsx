import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';
import { COLOURS, OUTLINE_STYLE } from './map-layers.ts';

const dot = (fill: string, edge = '#fff', dashed = false) => ({
  background: fill,
  borderRadius: '50%',
  border: `1.5px ${dashed ? 'dashed' : 'solid'} ${edge}`,
  boxShadow: '0 0 0 1px #d9d9d9',
});

/** What the colours and shapes mean; lies over the map's lower left corner. */
export function CaseMapLegend() {
  const { t } = useTranslation();
  const areas = ['community', 'grid', 'building'] as const;
  return (
    <div className="case-map-legend" {...tid('case-map-legend')}>
      <div style={{ fontWeight: 600 }}>{t('caseMap.legend.title')}</div>
      {(['ok', 'yellow', 'red', 'none'] as const).map((c) => (
        <div key={c} {...tid(`case-map-legend-${c}`)}>
          <span className="case-map-swatch" style={dot(COLOURS[c])} />
          {t(`caseMap.legend.${c}`)}
        </div>
      ))}
      <div>
        <span className="case-map-swatch" style={dot('#fff', '#434343', true)} />
        {t('caseMap.legend.approximate')}
      </div>
      {areas.map((a) => (
        <div key={a}>
          <span
            className="case-map-swatch"
            style={{
              background: OUTLINE_STYLE[a].fillColor,
              border: `1.5px ${a === 'grid' ? 'dashed' : 'solid'} ${OUTLINE_STYLE[a].color}`,
            }}
          />
          {t(`caseMap.legend.${a}`)}
        </div>
      ))}
    </div>
  );
}
