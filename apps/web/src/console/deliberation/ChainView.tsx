import { Steps } from 'antd';
import { type ChainStepView, useDelibT, useStepTiming } from '../../i18n/deliberation.ts';
import { tid } from '../../shared/testid.ts';

const STATUS = { done: 'finish', current: 'process', waiting: 'wait', stopped: 'error' } as const;

/** 提出议题 → … → 建立公约 with each step's timing; compact in tables, full on the detail page. */
export function ChainView({ chain, size }: { chain: readonly ChainStepView[]; size?: 'small' }) {
  const { t } = useDelibT();
  const timing = useStepTiming();
  return (
    <Steps
      size={size ?? 'default'}
      responsive
      labelPlacement={size ? 'horizontal' : 'vertical'}
      items={chain.map((s) => ({
        status: STATUS[s.state],
        title: (
          <span {...tid(`chain-${s.step}`)} data-state={s.state}>
            {t(`step.${s.step}`)}
          </span>
        ),
        description: size ? undefined : timing(s),
      }))}
      {...tid('chain')}
    />
  );
}
