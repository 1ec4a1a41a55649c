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

export const REGISTRY_IMPORT_FIELDS = ['name', 'idNumber', 'room', 'phone', 'relation', 'residence'] as const;

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
    'Import an uploaded residents spreadsheet into a community: `mode` all_or_nothing writes nothing when any row fails',
  tags: ['registry'],
  params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  body: Type.Object(
    {
      communityId: NodeId,
      mapping: RegistryMapping,
      mode: Type.Enum(['all_or_nothing', 'valid_only'] as const),
      dryRun: Type.Optional(Type.Boolean({ default: false })),
    },
    { additionalProperties: false },
  ),
  response: RegistryImportReport,
});
