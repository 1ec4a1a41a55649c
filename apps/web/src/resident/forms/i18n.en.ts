import type zh from './i18n.zh-CN.ts';

/** Data collection forms strings, English (same shape as the Chinese catalogue). */
const en: typeof zh = {
  tasks: {
    title: 'Data collection tasks',
    empty: 'No forms to fill',
    deadline: 'Due {{time}}',
    prefilled: '{{n}} filled from the registry',
  },
  status: { open: 'To fill', submitted: 'Submitted', reopened: 'Returned', registry: 'From the registry' },
  pick: {
    choose: { person: 'Choose a person', household: 'Choose a household', building: 'Choose a building' },
    search: {
      person: 'Search name, pinyin initials or address',
      household: 'Search address or member',
      building: 'Search buildings',
    },
    change: 'Change',
    clear: 'Clear',
    close: 'Close',
    chosen: 'Chosen',
    none: 'Nothing found',
    more: 'Only the first 50 are shown; type to narrow the list',
  },
  photo: {
    too_large: 'The photo is larger than 10 MB',
    not_image: 'Only JPG, PNG or WebP photos',
    upload_failed: 'The photo could not be sent; try again',
  },
  fill: {
    fromRegistry: 'From the registry',
    correct: 'Correct',
    undoCorrect: 'Use the registry value',
    corrected: 'Corrected',
    required: 'Required',
    choose: 'Choose',
    addRow: 'Add a row',
    removeRow: 'Remove',
    submit: 'Submit',
    submitted: 'Submitted, thank you!',
    saving: 'Saving the draft…',
    saved: 'Draft saved',
    offline: 'Offline: the draft is kept on this phone and uploads when you are back online',
    conflict: 'This task changed elsewhere; the latest version was loaded',
    locked: 'Submitted; ask the requester to return it if it needs changes',
    overdue: 'The deadline has passed; the requester must return it before you can submit',
    empty: '(none)',
    rows: '{{n}} row(s)',
    row: 'Row {{n}}',
  },
};
export default en;
