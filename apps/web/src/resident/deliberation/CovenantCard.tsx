import { api, type RouteOutput } from '@linli/contracts';
import { Button, Card, Toast } from 'antd-mobile';
import { useDelibT } from '../../i18n/deliberation.ts';
import { call, errorText } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { tid } from '../../shared/testid.ts';

type Covenant = RouteOutput<typeof api.deliberation.getCovenant>;

/** 建立公约: the version in force; residents acknowledge it. */
export function CovenantCard({ c, onChange }: { c: Covenant; onChange: () => void }) {
  const { t } = useDelibT();
  const ack = async () => {
    try {
      await call(api.deliberation.acknowledgeCovenant, { params: { id: c.id } });
      onChange();
    } catch (e) {
      Toast.show({ content: errorText(e), icon: 'fail' });
    }
  };
  return (
    <Card className="card-gap" title={c.title} {...tid('delib-covenant')} data-title={c.title}>
      <div className="muted">
        {t('covenant.version', { no: c.no })} · {formatTime(c.updatedAt)} ·{' '}
        <span {...tid('delib-covenant-acks')}>{t('covenant.ackCount', { n: c.ackCount })}</span>
      </div>
      <div
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '8px 0' }}
        {...tid('delib-covenant-body')}
      >
        {c.body}
      </div>
      {c.ackedAt ? (
        <div className="muted" {...tid('delib-covenant-acked')}>
          {t('covenant.acknowledged', { at: formatTime(c.ackedAt) })}
        </div>
      ) : (
        c.canAcknowledge && (
          <Button block color="primary" onClick={() => void ack()} {...tid('delib-covenant-ack')}>
            {t('covenant.acknowledge')}
          </Button>
        )
      )}
    </Card>
  );
}
