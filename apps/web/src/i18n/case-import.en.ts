import type { CaseImportMessages } from './case-import.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English for the 12345 hotline import page (key `caseImport`). */
const caseImport: Strings<CaseImportMessages> = {
  hint: 'Upload the work orders exported from the 12345 hotline (CSV or Excel .xlsx, at most 10 MB), check which column fills which field, try it, then import. Each valid order becomes a case from the 12345 hotline at the street grid centre; orders imported before are skipped.',
  upload: 'Choose a file',
  uploading: 'Reading…',
  file: 'File',
  rows: '{{count}} rows',
  wrongType: 'Choose a .csv or .xlsx file',
  tooLarge: 'The file must be at most 10 MB',
  fileProblems: {
    unreadable: 'This file cannot be read; is it a CSV or Excel (.xlsx) spreadsheet?',
    no_header: 'No header row was found',
    too_many_rows: 'Too many rows; import in parts of at most 50,000 rows',
  },
  sample: 'First 5 rows',
  mapping: 'Columns',
  notMapped: '(not imported)',
  fields: {
    externalNo: 'Order number',
    description: 'Description',
    address: 'Address',
    contactName: 'Caller',
    contactPhone: 'Phone',
    category: 'Category',
    community: 'Community',
    receivedAt: 'Received at',
  },
  street: 'Import into street',
  defaultCategory: 'Default category',
  defaultCategoryHint: 'For orders without a category column or with an empty one',
  dryRun: 'Try it',
  run: 'Import',
  runConfirm: 'Import now? Valid orders become cases; this cannot be undone.',
  result: {
    dryRunTitle: 'Trial result (nothing was written)',
    title: 'Import result',
    total: 'Rows',
    created: 'Imported',
    wouldCreate: 'Importable',
    duplicates: 'Duplicates',
    failed: 'With errors',
    none: 'No problems in any row',
  },
  errorColumns: { row: 'Row', field: 'Field', code: 'Problem' },
  codes: {
    required: 'is empty',
    too_short: 'is too short (at least 5 characters)',
    too_long: 'is too long',
    unknown_community: 'is not a community of this street (or none is named)',
    unknown_category: 'matches no case category',
    invalid_phone: 'is not an 11-digit mobile number',
    invalid_date: 'is not a date and time',
    duplicate: 'was imported already (or repeats in the file)',
  },
  done: '{{count}} cases imported',
  viewCases: 'Open cases',
};

export default caseImport;
