/**
 * 12345 hotline imports (热线工单导入): a street's grid centre uploads the hotline's spreadsheet (CSV or XLSX),
 * maps its columns to Linli's fields, tries it (dry run) and imports it. Every valid row becomes a case with
 * source `hotline` at the street; re-importing the same file skips the orders already there.
 */
import Type from 'typebox';
import { NodeId } from './common.ts';
import { defineRoute } from './route.ts';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_TYPES = [CSV_TYPE, XLSX_TYPE] as const;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Rows one file may hold (a month of a busy street's orders is a few thousand). */
export const MAX_IMPORT_ROWS = 50_000;

/** Linli fields a column can fill; the first three are required. */
export const IMPORT_FIELDS = [
  'externalNo',
  'description',
  'address',
  'contactName',
  'contactPhone',
  'category',
  'community',
  'receivedAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Why a row was not imported. `duplicate`: the order is already a case (or earlier in the same file). */
export const ROW_ERROR_CODES = [
  'required',
  'too_short',
  'too_long',
  'unknown_community',
  'unknown_category',
  'invalid_phone',
  'invalid_date',
  'duplicate',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

const ImportId = Type.String({ format: 'uuid' });
const Header = Type.String({ minLength: 1, maxLength: 200 });
const Optional = (s: typeof Header) => Type.Optional(s);

/** Linli field → the column header that fills it. */
export const Mapping = Type.Object(
  {
    externalNo: Header,
    description: Header,
    address: Header,
    contactName: Optional(Header),
    contactPhone: Optional(Header),
    category: Optional(Header),
    community: Optional(Header),
    receivedAt: Optional(Header),
  },
  { additionalProperties: false },
);

export const ImportPreview = Type.Object({
  id: ImportId,
  /** Column headers (the first row with at least two filled cells; blank or repeated ones get a `#n` name). */
  headers: Type.Array(Type.String()),
  /** The first five data rows, one string per header. */
  sampleRows: Type.Array(Type.Array(Type.String())),
  rowCount: Type.Integer(),
  /** Columns recognised by the usual 12345 header names (工单编号, 来电人, 联系电话, 诉求内容 …). */
  suggestedMapping: Type.Partial(Mapping),
});

export const RowError = Type.Object({
  /** The spreadsheet's row number (the header is row 1 when it is the first row). */
  row: Type.Integer(),
  field: Type.Enum(IMPORT_FIELDS),
  code: Type.Enum(ROW_ERROR_CODES),
});

export const ImportReport = Type.Object({
  /** Data rows read (blank rows are not counted). */
  total: Type.Integer(),
  /** Cases created (a dry run: cases that would be created). */
  created: Type.Integer(),
  duplicates: Type.Integer(),
  /** Every problem of every row not imported, duplicates included, by row. */
  errors: Type.Array(RowError),
  caseIds: Type.Array(Type.String({ format: 'uuid' })),
  dryRun: Type.Boolean(),
});

const UPLOAD =
  'The body is the file itself: Content-Type text/csv (UTF-8, or GBK as Excel writes it in China) or ' +
  `${XLSX_TYPE} (the first worksheet), at most 10 MB.`;

export const uploadImport = defineRoute({
  method: 'POST',
  url: '/api/case-imports',
  access: { action: 'case.import' },
  summary: `Upload a 12345 hotline spreadsheet; answers its columns, a sample and a suggested mapping. ${UPLOAD}`,
  tags: ['cases'],
  response: ImportPreview,
  status: 201,
});

export const runImport = defineRoute({
  method: 'POST',
  url: '/api/case-imports/:id/run',
  access: { action: 'case.import' },
  summary:
    "Import an uploaded spreadsheet (the uploader's own) into a street: one hotline case per valid row, " +
    'orders already imported skipped; `dryRun` checks every row and writes nothing',
  tags: ['cases'],
  params: Type.Object({ id: ImportId }),
  body: Type.Object(
    {
      mapping: Mapping,
      streetId: NodeId,
      /** For rows without a category column, or with an empty cell. */
      defaultCategoryId: Type.String({ pattern: '^[0-9]{1,18}$' }),
      dryRun: Type.Optional(Type.Boolean({ default: false })),
    },
    { additionalProperties: false },
  ),
  response: ImportReport,
});
