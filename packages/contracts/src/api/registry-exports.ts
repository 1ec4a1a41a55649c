/**
 * Registry exports (居民信息导出): a reader of people asks for a spreadsheet of an area (columns and a reason);
 * a higher role over that area approves or rejects it; the requester then downloads an XLSX watermarked with
 * their name, the time and the request number, ID numbers masked unless they may reveal them. The approval
 * expires; the request, the decision and every download are audited.
 */
import Type from 'typebox';
import { IsoTime, NodeId } from './common.ts';
import { defineRoute } from './route.ts';

export const EXPORT_COLUMNS = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'phone',
  'address',
  'relation',
  'residence',
] as const;
/** How long an approval lets the requester download. */
export const EXPORT_VALID_HOURS = 72;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Uuid = Type.String({ format: 'uuid' });

export const ExportRequest = Type.Object({
  id: Uuid,
  nodeId: NodeId,
  nodeName: Type.String(),
  columns: Type.Array(Type.Enum(EXPORT_COLUMNS)),
  reason: Type.String(),
  requestedByName: Type.String(),
  requestedAt: IsoTime,
  status: Type.Enum(['pending', 'approved', 'rejected', 'expired'] as const),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([IsoTime, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([IsoTime, Type.Null()]),
  downloads: Type.Integer(),
  version: Type.Integer(),
  /** The caller's own request (they may download it once approved). */
  mine: Type.Boolean(),
  /** The caller may approve or reject it (a higher role over its area, not the requester). */
  canDecide: Type.Boolean(),
});

export const requestExport = defineRoute({
  method: 'POST',
  url: '/api/registry/exports',
  access: { action: 'registry.export' },
  summary: 'Ask to export the people of an area you may read to a spreadsheet: columns and the reason',
  tags: ['registry'],
  body: Type.Object(
    {
      nodeId: NodeId,
      columns: Type.Array(Type.Enum(EXPORT_COLUMNS), {
        minItems: 1,
        maxItems: EXPORT_COLUMNS.length,
        uniqueItems: true,
      }),
      reason: Type.String({ minLength: 4, maxLength: 200 }),
    },
    { additionalProperties: false },
  ),
  response: ExportRequest,
  status: 201,
});

export const listExports = defineRoute({
  method: 'GET',
  url: '/api/registry/exports',
  access: { action: 'registry.export' },
  summary: 'The caller’s own export requests, newest first',
  tags: ['registry'],
  response: Type.Object({ items: Type.Array(ExportRequest) }),
});

export const exportsToDecide = defineRoute({
  method: 'GET',
  url: '/api/registry/exports/to-decide',
  access: { action: 'registry.export.approve' },
  summary: 'Export requests in the caller’s area (pending first) that the caller may decide',
  tags: ['registry'],
  response: Type.Object({ items: Type.Array(ExportRequest) }),
});

export const decideExport = defineRoute({
  method: 'POST',
  url: '/api/registry/exports/:id/decision',
  access: { action: 'registry.export.approve' },
  summary: 'Approve (valid for 72 hours) or reject a pending export request; not your own',
  tags: ['registry'],
  params: Type.Object({ id: Uuid }),
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1 }),
      approve: Type.Boolean(),
      note: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  response: ExportRequest,
});

export const downloadExport = defineRoute({
  method: 'GET',
  url: '/api/registry/exports/:id/file',
  access: { action: 'registry.export' },
  summary: 'Download an approved export as XLSX (watermarked with you, the time and the request number)',
  tags: ['registry'],
  params: Type.Object({ id: Uuid }),
  response: null,
});
