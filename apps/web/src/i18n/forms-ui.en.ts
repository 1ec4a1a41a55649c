import type zh from './forms-ui.zh-CN.ts';

/** Designer extras and the burden ranking, English (same shape as the Chinese catalogue). */
const en: typeof zh = {
  designer: {
    columns: 'Table columns',
    column: 'Column',
    addColumn: 'Add a column',
    columnRequired: 'Required',
    columnOptions: 'Options (separated by 、)',
    listColumns: 'The registry fills the columns: name, address',
    condition: 'Shown',
    always: 'Always',
    whenFilled: 'When “{{label}}”',
    equals: 'is “{{option}}”',
    anyValue: 'is filled (any value)',
    unnamed: '(unnamed field)',
    tagPick: 'Choose a tag',
    sensitive: 'sensitive',
    years: 'years and older',
    boundHint: 'Filled from the registry; nobody types it',
    listName: 'Name',
    listAddress: 'Address',
    keyHint: 'Key',
  },
  ranking: {
    title: 'Reporting burden by requester (district)',
    hint: 'Requesters ordered by the estimated minutes their forms made communities type; registry pre-fill and refused duplicates count as saved.',
    requester: 'Requester',
    forms: 'Forms',
    answered: 'Tasks answered',
    typed: 'Fields typed',
    prefilled: 'Fields pre-filled',
    duplicates: 'Duplicates refused',
    spent: 'Minutes typed',
    saved: 'Minutes saved',
    chart: 'Minutes communities spent typing',
    empty: 'No forms yet',
    minutes: 'Estimated minutes per field',
  },
};
export default en;
