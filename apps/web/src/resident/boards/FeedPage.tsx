import { useBoardsT } from '../../i18n/boards.ts';
import { useSession } from '../../shared/session.ts';
import { Frame } from '../components/Frame.tsx';
import { HomeFeed } from './HomeFeed.tsx';

/** `/feed`: the whole community feed with paging. */
export function FeedPage() {
  const { t } = useBoardsT();
  const { me } = useSession();
  return (
    <Frame title={t('feed.title')} backTo="/home">
      {me?.homeCommunityId ? <HomeFeed communityId={me.homeCommunityId} full /> : null}
    </Frame>
  );
}
