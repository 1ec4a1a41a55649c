import { Steps } from 'antd-mobile';
import { type ChainStepView, useDelibT, useStepTiming } from '../../i18n/deliberation.ts';
import { tid } from '../../shared/testid.ts';

const STATUS = { done: 'finish', current: 'process', waiting: 'wait', stopped: 'error' } as const;

/** 提出议题 → … → 建立公约, each step with its state and timing. */
export function ChainSteps({ chain }: { chain: readonly ChainStepView[] }) {
  const { t } = useDelibT();
  const timing = useStepTiming();
  const current = chain.findIndex((s) => s.state === 'current');
  return (
    <Steps direction="vertical" current={current < 0 ? chain.length - 1 : current} {...tid('chain')}>
      {chain.map((s) => (
        <Steps.Step
          key={s.step}
          status={STATUS[s.state]}
          title={
            <span {...tid(`chain-${s.step}`)} data-state={s.state}>
              {t(`step.${s.step}`)}
            </span>
          }
          description={timing(s)}
        />
      ))}
    </Steps>
  );
}
