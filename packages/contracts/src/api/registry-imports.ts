/**
 * Registry imports (居民信息导入): a community's cadre uploads a CSV or XLSX of residents, maps its columns, tries
 * it (dry run, row-level report) and imports it, all-or-nothing or valid rows only. Re-importing upserts by
 * the ID number's blind index: unchanged people stay unchanged, changed fields are written with history.
 */
import Type from 'typebox';
import { CSV_TYPE, MAX_IMPORT_BYTES, XLSX_TYPE } from './case-imports.ts';
import { NodeId } from './common.ts';
import { defineRoute } from './route.ts';

export const REGISTRY_IMPORT_TYPES = [CSV_TYPE, XLSX_TYPE] as const;
export const MAX_REGISTRY_IMPORT_BYTES = MAX_IMPORT_BYTES;

export const REGISTRY_IMPORT_FIELDS = [
  'name',
  'idNumber',
  'room',
  'phone',
  'relation',
  'residence',
  'community',
] as const;
/** Files of at most this many rows are imported within the run request; longer ones by a background job. */
export const INLINE_IMPORT_ROWS = 2000;
/** One part of a large upload (files above MAX_REGISTRY_IMPORT_BYTES are sent in parts). */
export const MAX_IMPORT_PART_BYTES = 8 * 1024 * 1024;
export const IMPORT_STATUSES = ['uploading', 'uploaded', 'queued', 'running', 'done', 'failed'] as const;

/** Why a row was not imported. */
export const REGISTRY_ROW_ERRORS = [
  'required',
  'too_long',
  'id_format',
  'id_checksum',
  'id_birth_date',
  'unknown_room',
  'invalid_phone',
  'invalid_relation',
  'invalid_residence',
  /** The same ID number earlier in the file. */
  'duplicate',
  /** Registered in a household of another room (a person lives in one household). */
  'conflicting_household',
  /** Registered in another community. */
  'registered_elsewhere',
  /** A second head for one household. */
  'head_exists',
  /** Importing into a street or district: the 社区 cell names no community there. */
  'unknown_community',
] as const;

const Header = Type.String({ minLength: 1, maxLength: 200 });
export const RegistryMapping = Type.Object(
  {
    name: Header,
    idNumber: Header,
    /** 房号 such as "1号楼1单元302室", "1号楼 1单元 302室" or "1-1-302". */
    room: Header,
    phone: Type.Optional(Header),
    relation: Type.Optional(Header),
    residence: Type.Optional(Header),
    /** 社区: needed when importing into a street or the district. */
    community: Type.Optional(Header),
  },
  { additionalProperties: false },
);

export const RegistryImportPreview = Type.Object({
  id: Type.String({ format: 'uuid' }),
  headers: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
  rowCount: Type.Integer(),
  suggestedMapping: Type.Partial(RegistryMapping),
});

export const RegistryImportReport = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(
    Type.Object({
      row: Type.Integer(),
      field: Type.Enum(REGISTRY_IMPORT_FIELDS),
      code: Type.Enum(REGISTRY_ROW_ERRORS),
    }),
  ),
  /** Whether anything was written (false for a dry run, or all-or-nothing with errors). */
  written: Type.Boolean(),
  /** Where the import stands: a long file is imported by a background job the client polls. */
  status: Type.Enum(IMPORT_STATUSES),
  /** all_or_nothing checks every row first ('check'), then writes them in one transaction ('apply'). */
  phase: Type.Enum(['check', 'apply'] as const),
  /** The file row up to which the current phase has committed (the progress bar: rowsDone of lastRow). */
  rowsDone: Type.Integer(),
  lastRow: Type.Integer(),
  /** Why a job stopped (an unreadable file, or a fault after several attempts). */
  failure: Type.Union([Type.String(), Type.Null()]),
});

export const getRegistryImport = defineRoute({
  method: 'GET',
  url: '/api/registry/imports/:id',
  access: { action: 'registry.edit' },
  summary: "Progress and report of the caller's import (the first 500 row errors; the rest page by page)",
  tags: ['registry'],
  params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  response: RegistryImportReport,
});

export const registryImportErrors = defineRoute({
  method: 'GET',
  url: '/api/registry/imports/:id/errors',
  access: { action: 'registry.edit' },
  summary: 'The row-level error report of an import, in file order',
  tags: ['registry'],
  params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  querystring: Type.Object({
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  }),
  response: Type.Object({ items: RegistryImportReport.properties.errors, total: Type.Integer() }),
});

export const uploadRegistryImportPart = defineRoute({
  method: 'POST',
  url: '/api/registry/imports/parts',
  access: { action: 'registry.edit' },
  summary:
    'Upload a large spreadsheet in parts of at most 8 MB: the first part (offset 0, no id) opens the upload, each next one gives the id and the size received so far',
  tags: ['registry'],
  querystring: Type.Object({
    id: Type.Optional(Type.String({ format: 'uuid' })),
    offset: Type.Integer({ minimum: 0 }),
  }),
  response: Type.Object({ id: Type.String({ format: 'uuid' }), size: Type.Integer() }),
});

export const finishRegistryImportUpload = defineRoute({
  method: 'POST',
  url: '/api/registry/imports/:id/finish',
  access: { action: 'registry.edit' },
  summary: 'Close an upload sent in parts: answers its columns, a sample, its row count and a suggested mapping',
  tags: ['registry'],
  params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  response: RegistryImportPreview,
});

export const uploadRegistryImport = defineRoute({
  method: 'POST',
  url: '/api/registry/imports',
  access: { action: 'registry.edit' },
  summary:
    'Upload a residents spreadsheet (text/csv or XLSX, at most 10 MB); answers its columns, a sample and a suggested mapping',
  tags: ['registry'],
  response: RegistryImportPreview,
  status: 201,
});

export const runRegistryImport = defineRoute({
  method: 'POST',
  url: '/api/registry/imports/:id/run',
  access: { action: 'registry.edit' },
  summary:
    'Import an uploaded residents spreadsheet into a community (or a street / the district, with a 社区 column): `mode` all_or_nothing writes nothing when any row fails; a file over 2,000 rows is queued for the background job (poll GET …/imports/:id), and re-running a failed import resumes it',
  tags: ['registry'],
  params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  body: Type.Object(
    {
      communityId: NodeId,
      mapping: RegistryMapping,
      mode: Type.Enum(['all_or_nothing', 'valid_only'] as const),
      dryRun: Type.Optional(Type.Boolean({ default: false })),
      /** Import by the background job even when the file is short (longer files always are). */
      background: Type.Optional(Type.Boolean({ default: false })),
    },
    { additionalProperties: false },
  ),
  response: RegistryImportReport,
});
