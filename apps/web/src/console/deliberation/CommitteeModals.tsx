/** The committee's forms on a proposal: screen, meeting, summary, project, progress, covenant. */
import { api, type RouteOutput } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useDelibT } from '../../i18n/deliberation.ts';
import { call } from '../../shared/api.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { ActionModal } from '../components/ActionModal.tsx';

type Detail = RouteOutput<typeof api.deliberation.getProposal>;
const D = api.deliberation;

export type ModalKind =
  | 'approve'
  | 'merge'
  | 'reject'
  | 'meeting'
  | 'summary'
  | 'close'
  | 'project'
  | 'progress'
  | 'covenant'
  | 'revise';

interface Props {
  kind: ModalKind | null;
  p: Detail;
  onDone: (d: Detail) => void;
  onClose: () => void;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function CommitteeModals({ kind, p, onDone, onClose }: Props) {
  const { t } = useDelibT();
  const [form] = Form.useForm();
  const targets = useQuery({
    queryKey: ['proposals', p.communityId],
    queryFn: () => call(D.listProposals, { params: { id: p.communityId } }),
    enabled: kind === 'merge',
  });
  const run = async () => {
    const v = await form.validateFields();
    const id = p.id;
    const version = p.version;
    const projectId = p.project?.id ?? '';
    const done = (d: Detail) => {
      form.resetFields();
      onDone(d);
    };
    switch (kind) {
      case 'approve':
      case 'merge':
      case 'reject':
        return done(
          await call(D.screenProposal, {
            params: { id },
            body: {
              version,
              decision: kind,
              ...(v.reason ? { reason: v.reason } : {}),
              ...(v.mergeInto ? { mergeInto: v.mergeInto } : {}),
            },
          }),
        );
      case 'meeting':
        return done(
          await call(D.addMeeting, {
            params: { id },
            body: {
              heldOn: v.heldOn.format('YYYY-MM-DD'),
              attendees: v.attendees,
              minutes: v.minutes,
              photos: v.photos ?? [],
            },
          }),
        );
      case 'summary':
      case 'close':
        return done(
          await call(D.summariseProposal, {
            params: { id },
            body: { version, summary: v.summary, close: kind === 'close' },
          }),
        );
      case 'project':
        return done(
          await call(D.createProject, {
            params: { id },
            body: {
              title: v.title,
              owner: v.owner,
              plan: v.plan,
              budgetFen: Math.round((v.budget ?? 0) * 100),
              milestones: lines(v.milestones).map((title) => ({ title })),
            },
          }),
        );
      case 'progress':
        return done(
          await call(D.addProgress, { params: { id: projectId }, body: { body: v.body, photos: v.photos ?? [] } }),
        );
      case 'covenant':
        await call(D.publishCovenant, { params: { id }, body: { title: v.title, body: v.body } });
        return done(await call(D.getProposal, { params: { id } }));
      case 'revise':
        await call(D.reviseCovenant, {
          params: { id: p.covenant!.id },
          body: { version: p.covenant!.version, title: v.title, body: v.body },
        });
        return done(await call(D.getProposal, { params: { id } }));
    }
  };
  const req = [{ required: true, whitespace: true }];
  const title: Record<ModalKind, string> = {
    approve: t('screen.approve'),
    merge: t('screen.merge'),
    reject: t('screen.reject'),
    meeting: t('meeting.add'),
    summary: t('summarise.save'),
    close: t('summarise.close'),
    project: t('project.create'),
    progress: t('project.addProgress'),
    covenant: t('covenant.publish'),
    revise: t('covenant.revise'),
  };
  return (
    <ActionModal
      open={!!kind}
      title={kind ? title[kind] : ''}
      testId={`delib-${kind ?? 'none'}`}
      danger={kind === 'reject'}
      onOk={run}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          kind === 'revise'
            ? { title: p.covenant?.title, body: p.covenant?.body }
            : kind === 'summary' || kind === 'close'
              ? { summary: p.summary ?? '' }
              : kind === 'project'
                ? { title: p.title }
                : kind === 'covenant'
                  ? { title: `${p.title}公约` }
                  : {}
        }
      >
        {(kind === 'merge' || kind === 'reject') && (
          <Form.Item name="reason" label={t('screen.reason')} rules={req}>
            <Input.TextArea rows={3} maxLength={D.REASON_MAX} data-testid="delib-reason" />
          </Form.Item>
        )}
        {kind === 'merge' && (
          <Form.Item name="mergeInto" label={t('screen.mergeInto')} rules={[{ required: true }]}>
            <Select
              data-testid="delib-merge-into"
              options={(targets.data?.items ?? [])
                .filter(
                  (x) =>
                    x.id !== p.id && ['consulting', 'summarised', 'voting', 'adopted', 'not_adopted'].includes(x.stage),
                )
                .map((x) => ({ value: x.id, label: x.title }))}
            />
          </Form.Item>
        )}
        {kind === 'meeting' && (
          <>
            <Form.Item name="heldOn" label={t('meeting.heldOn')} rules={[{ required: true }]}>
              <DatePicker data-testid="delib-meeting-date" />
            </Form.Item>
            <Form.Item name="attendees" label={t('detail.attendees')} rules={req}>
              <Input maxLength={D.REASON_MAX} data-testid="delib-meeting-attendees" />
            </Form.Item>
            <Form.Item name="minutes" label={t('detail.minutes')} rules={req}>
              <Input.TextArea rows={5} maxLength={D.MINUTES_MAX} data-testid="delib-meeting-minutes" />
            </Form.Item>
          </>
        )}
        {(kind === 'meeting' || kind === 'progress') && (
          <Form.Item name="photos" label={t('meeting.photos')}>
            <PhotoUpload testId="delib-photos" />
          </Form.Item>
        )}
        {(kind === 'summary' || kind === 'close') && (
          <Form.Item name="summary" label={t('summarise.text')} rules={req}>
            <Input.TextArea rows={6} maxLength={D.SUMMARY_MAX} showCount data-testid="delib-summary" />
          </Form.Item>
        )}
        {kind === 'project' && (
          <>
            <Form.Item name="title" label={t('project.title')} rules={req}>
              <Input maxLength={D.TITLE_MAX} data-testid="delib-project-title" />
            </Form.Item>
            <Form.Item name="owner" label={t('project.owner')} rules={req}>
              <Input maxLength={D.TITLE_MAX} data-testid="delib-project-owner" />
            </Form.Item>
            <Form.Item name="plan" label={t('project.plan')} rules={req}>
              <Input.TextArea rows={4} maxLength={D.TEXT_MAX} data-testid="delib-project-plan" />
            </Form.Item>
            <Form.Item name="budget" label={t('project.budget')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="delib-project-budget" />
            </Form.Item>
            <Form.Item name="milestones" label={t('project.milestones')}>
              <Input.TextArea rows={3} data-testid="delib-project-milestones" />
            </Form.Item>
          </>
        )}
        {kind === 'progress' && (
          <Form.Item name="body" label={t('project.progressText')} rules={req}>
            <Input.TextArea rows={4} maxLength={D.TEXT_MAX} data-testid="delib-progress-body" />
          </Form.Item>
        )}
        {(kind === 'covenant' || kind === 'revise') && (
          <>
            <Form.Item name="title" label={t('covenant.title')} rules={req}>
              <Input maxLength={D.TITLE_MAX} data-testid="delib-covenant-title" />
            </Form.Item>
            <Form.Item name="body" label={t('covenant.body')} rules={req}>
              <Input.TextArea rows={8} maxLength={D.COVENANT_MAX} data-testid="delib-covenant-body" />
            </Form.Item>
          </>
        )}
      </Form>
    </ActionModal>
  );
}
