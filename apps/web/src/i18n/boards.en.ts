import type boardsZh from './boards.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Community boards in English; same keys as `boards.zh-CN.ts`. */
const boards: Strings<typeof boardsZh> = {
  notices: {
    title: 'Notices',
    publish: 'Publish a notice',
    empty: 'No notices yet',
    mustRead: 'Must read',
    pinned: 'Pinned',
    unread: 'Unread',
    expired: 'Expired',
    withdrawn: 'Withdrawn',
    confirm: 'I have read it',
    confirmed: 'Read and confirmed',
    confirmedToast: 'Confirmed, thank you',
    expiresAt: 'Valid until',
    publishedAt: 'Published',
    publishedBy: 'By',
    loadMore: 'Load more',
    searchPlaceholder: 'Search notices',
    all: 'All',
    photos: 'Photos',
    level: { district: 'District', street: 'Street', community: 'Community', grid: 'Grid' },
    category: {
      notice: 'Notice',
      activity: 'Activity',
      affairs_public: 'Affairs made public',
      work_result: 'Work results',
      policy: 'Policy',
    },
    form: {
      node: 'Published for',
      category: 'Category',
      title: 'Title',
      body: 'Text',
      photos: 'Photos (up to 9)',
      pinned: 'Pin to top',
      mustRead: 'Must read (residents confirm)',
      expiresAt: 'Valid until (optional)',
      submit: 'Publish',
      published: 'Published',
    },
    table: { title: 'Title', node: 'For', category: 'Category', state: 'State', at: 'Published', actions: 'Actions' },
    actions: {
      pin: 'Pin',
      unpin: 'Unpin',
      withdraw: 'Withdraw',
      withdrawConfirm: 'Residents will no longer see this notice. Withdraw it?',
      readRate: 'Read rate',
    },
    rate: {
      title: 'Read rate',
      scope: 'Covering',
      households: 'Households',
      reached: 'Confirmed',
      rate: 'Rate',
      byBuilding: 'By building',
      building: 'Building / courtyard',
      notReached: 'Households not reached (for door-to-door visits)',
      address: 'Address',
      grid: 'Grid',
      none: 'Every household has confirmed',
    },
  },
};

export default boards;
