import { api } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAffT } from '../../i18n/affiliations.ts';
import { useBoardsT } from '../../i18n/boards.ts';
import { call, errorText, fieldErrors } from '../../shared/api.ts';
import { useSession } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';
import { PhotoUploader } from '../cases/PhotoUploader.tsx';
import { TTextArea } from '../cases/TTextArea.tsx';
import { Frame } from '../components/Frame.tsx';
import { TInput } from '../components/TInput.tsx';

type Board = (typeof api.boards.BOARDS)[number];
type Kind = (typeof api.boards.POST_KINDS)[number];

const NEIGHBOURS: Board[] = ['local', 'help', 'giveaway'];

/** Kinds a resident may open: party news and study materials come from the party organisation (console). */
const kindsOf = (b: Board): readonly Kind[] => (b === 'party' ? ['discussion'] : api.boards.BOARD_KINDS[b]);

/**
 * `/neighbours/new`: post to 身边事, 互助 or 闲置 with photos; checked-in party members also to 党建园地 (and
 * may show their badge); `?board=hometown&community=` posts to a village's 乡愁乡音 board.
 */
export function PostFormPage() {
  const { t } = useBoardsT();
  const ta = useAffT();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { me } = useSession();
  const [params] = useSearchParams();
  const hometown = params.get('board') === 'hometown' && params.get('community');
  const communityId = hometown ? (params.get('community') ?? '') : (me?.homeCommunityId ?? '');
  const partyMember = !!me?.grants.some((g) => g.role === 'party_member' && g.nodeId === communityId);
  const boards: Board[] = hometown ? ['hometown'] : partyMember ? [...NEIGHBOURS, 'party'] : NEIGHBOURS;
  const asked = params.get('board') as Board;
  const initial = boards.includes(asked) ? asked : boards[0]!;
  const [board, setBoard] = useState<Board>(initial);
  const [kind, setKind] = useState<Kind>(kindsOf(initial)[0]!);
  const [badge, setBadge] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const p = await call(api.boards.createPost, {
        params: { id: communityId },
        body: { board, kind, title, body, attachments: photos, ...(badge ? { showPartyBadge: true } : {}) },
      });
      void qc.invalidateQueries({ queryKey: ['posts'] });
      void qc.invalidateQueries({ queryKey: ['feed'] });
      nav(`/posts/${p.id}`, { replace: true });
    } catch (e) {
      setErrors(fieldErrors(e));
      Toast.show({ content: errorText(e), icon: 'fail' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame
      title={t('posts.new')}
      backTo={hometown ? `/hometown/${communityId}/board` : board === 'party' ? '/party' : '/neighbours'}
    >
      <Form layout="vertical" {...tid('post-form')}>
        <Form.Item label={t('posts.form.board')}>
          <Selector
            options={boards.map((b) => ({ value: b, label: t(`posts.board.${b}`) }))}
            value={[board]}
            onChange={(v) => {
              const b = (v[0] ?? board) as Board;
              setBoard(b);
              setKind(kindsOf(b)[0]!);
            }}
            {...tid('post-form-board')}
          />
        </Form.Item>
        <Form.Item label={t('posts.form.kind')}>
          <Selector
            options={kindsOf(board).map((k) => ({ value: k, label: t(`posts.kind.${k}`) }))}
            value={[kind]}
            onChange={(v) => v[0] && setKind(v[0] as Kind)}
            {...tid('post-form-kind')}
          />
        </Form.Item>
        <Form.Item label={t('posts.form.title')} help={errors.title}>
          <TInput testId="post-form-title" value={title} onChange={setTitle} maxLength={api.boards.POST_TITLE_MAX} />
        </Form.Item>
        <Form.Item label={t('posts.form.body')} help={errors.body}>
          <TTextArea
            testId="post-form-body"
            value={body}
            onChange={setBody}
            rows={5}
            maxLength={api.boards.POST_BODY_MAX}
            showCount
          />
        </Form.Item>
        <Form.Item label={t('posts.form.photos')} help={errors.attachments}>
          <PhotoUploader testId="post-form-photos" onChange={setPhotos} onBusyChange={setUploading} />
        </Form.Item>
        {partyMember && (
          <Form.Item>
            <Checkbox checked={badge} onChange={setBadge} {...tid('post-form-badge')}>
              {ta('party.showBadge')}
            </Checkbox>
          </Form.Item>
        )}
      </Form>
      <Button
        block
        color="primary"
        size="large"
        loading={busy}
        disabled={uploading || !title.trim() || !body.trim()}
        onClick={() => void submit()}
        {...tid('post-form-submit')}
      >
        {t('posts.form.submit')}
      </Button>
    </Frame>
  );
}
