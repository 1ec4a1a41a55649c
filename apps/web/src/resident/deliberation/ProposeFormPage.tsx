import { api } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useDelibT } from '../../i18n/deliberation.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { PhotoUploader } from '../cases/PhotoUploader.tsx';
import { TTextArea } from '../cases/TTextArea.tsx';
import { Frame } from '../components/Frame.tsx';
import { TInput } from '../components/TInput.tsx';

type ScopeKind = (typeof api.deliberation.SCOPE_KINDS)[number];
const D = api.deliberation;

/** `/hall/new`: raise a question for the community, for some buildings or for one. */
export function ProposeFormPage() {
  const { t } = useDelibT();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { me } = useSession();
  const communityId = me?.homeCommunityId ?? '';
  const [title, setTitle] = useState('');
  const [background, setBackground] = useState('');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [scopeKind, setScopeKind] = useState<ScopeKind>('community');
  const [buildings, setBuildings] = useState<string[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tree = useQuery({
    queryKey: ['proposal-buildings', communityId],
    queryFn: () => call(D.scopeBuildings, { params: { id: communityId } }),
    enabled: !!communityId && scopeKind !== 'community',
  });
  const buildingOptions = (tree.data?.items ?? []).map((n) => ({ value: n.id, label: n.name }));

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const p = await call(D.createProposal, {
        params: { id: communityId },
        body: {
          title,
          background,
          question,
          options: options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
          scopeKind,
          scopeNodeIds: scopeKind === 'community' ? [] : buildings,
          attachments: photos,
        },
      });
      void qc.invalidateQueries({ queryKey: ['proposals'] });
      Toast.show({ content: t('form.submitted'), icon: 'success' });
      nav(`/proposals/${p.id}`, { replace: true });
    } catch (e) {
      setErrors(fieldErrors(e));
      Toast.show({ content: errorText(e), icon: 'fail' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame title={t('propose')} backTo="/hall">
      <Form layout="vertical" {...tid('proposal-form')}>
        <Form.Item label={t('form.title')} help={errors.title}>
          <TInput testId="proposal-title" value={title} onChange={setTitle} maxLength={D.TITLE_MAX} />
        </Form.Item>
        <Form.Item label={t('form.background')} help={errors.background}>
          <TTextArea
            testId="proposal-background"
            value={background}
            onChange={setBackground}
            rows={3}
            maxLength={D.TEXT_MAX}
            showCount
          />
        </Form.Item>
        <Form.Item label={t('form.question')} help={errors.question ?? t('form.questionHint')}>
          <TTextArea
            testId="proposal-question"
            value={question}
            onChange={setQuestion}
            rows={2}
            maxLength={D.QUESTION_MAX}
          />
        </Form.Item>
        <Form.Item label={t('form.options')} help={errors.options}>
          <TTextArea testId="proposal-options" value={options} onChange={setOptions} rows={3} />
        </Form.Item>
        <Form.Item label={t('form.scope')} help={errors.scopeNodeIds}>
          <Selector
            options={D.SCOPE_KINDS.map((k) => ({ value: k, label: t(`scope.${k}`) }))}
            value={[scopeKind]}
            onChange={(v) => {
              if (!v[0]) return;
              setScopeKind(v[0]);
              setBuildings([]);
            }}
            {...tid('proposal-scope')}
          />
        </Form.Item>
        {scopeKind !== 'community' && (
          <Form.Item label={t('form.buildings')}>
            <Selector
              multiple={scopeKind === 'buildings'}
              options={buildingOptions}
              value={buildings}
              onChange={setBuildings}
              {...tid('proposal-buildings')}
            />
          </Form.Item>
        )}
        <Form.Item label={t('form.photos')} help={errors.attachments}>
          <PhotoUploader testId="proposal-photos" onChange={setPhotos} onBusyChange={setUploading} />
        </Form.Item>
      </Form>
      <Button
        block
        color="primary"
        size="large"
        loading={busy}
        disabled={
          uploading ||
          !title.trim() ||
          !background.trim() ||
          !question.trim() ||
          (scopeKind !== 'community' && buildings.length === 0)
        }
        onClick={() => void submit()}
        {...tid('proposal-submit')}
      >
        {t('form.submit')}
      </Button>
    </Frame>
  );
}
