import { api, type RouteOutput } from '@linli/contracts';
import { Button, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBoardsT } from '../../i18n/boards.ts';
import { call } from '../../shared/api.ts';
import { tid } from '../../shared/testid.ts';

type Post = RouteOutput<typeof api.boards.getPost>;

/** 身边事 → 议题: raise the post as a deliberation proposal (asks the question to deliberate), or open it. */
export function ProposeButton({ post, run }: { post: Post; run: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useBoardsT();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState('');
  if (post.proposalId)
    return (
      <Tag
        color="purple"
        style={{ cursor: 'pointer' }}
        onClick={() => nav(`/deliberation/${post.proposalId}`)}
        {...tid('board-post-proposal')}
      >
        {t('posts.proposalLinked')}
      </Tag>
    );
  if (!post.abilities.propose) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} {...tid('board-post-propose')}>
        {t('moderation.propose')}
      </Button>
      <Modal
        open={open}
        title={t('moderation.proposeTitle')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !question.trim(), ...tid('board-propose-confirm') }}
        onOk={() =>
          void run(async () => {
            await call(api.boards.proposePost, { params: { id: post.id }, body: { version: post.version, question } });
            setOpen(false);
          })
        }
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('moderation.question')}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          {...tid('board-propose-question')}
        />
      </Modal>
    </>
  );
}
