import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Empty, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';
import { Frame } from '../components/Frame.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { useFormT } from './i18n.ts';

export const STATUS_COLORS: Record<string, string> = {
  open: 'warning',
  reopened: 'danger',
  submitted: 'success',
  registry: 'primary',
};

/** 数据采集任务: the grid worker's (or committee's) form tasks, pending first. */
export function FormTasksPage() {
  const { t, lang } = useFormT();
  const nav = useNavigate();
  const tasks = useQuery({ queryKey: ['form-tasks'], queryFn: () => call(api.forms.listTasks, {}) });
  return (
    <Frame title={t('tasks.title')}>
      {tasks.isLoading && <Loading />}
      {tasks.error && <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.data && tasks.data.items.length === 0 && <Empty description={t('tasks.empty')} />}
      <List {...tid('form-task-list')}>
        {tasks.data?.items.map((task) => (
          <List.Item
            key={task.id}
            onClick={() => nav(`/form-tasks/${task.id}`)}
            description={`${task.targetName} · ${t('tasks.deadline', {
              time: new Date(task.deadline).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' }),
            })}`}
            extra={<Tag color={STATUS_COLORS[task.status]}>{t(`status.${task.status}`)}</Tag>}
            {...tid(`form-task-${task.id}`)}
          >
            <span style={{ fontSize: 17 }}>{task.title}</span>
          </List.Item>
        ))}
      </List>
    </Frame>
  );
}
