/**
 * Courtyard QR codes (扫码报事): a poster in a courtyard or stairwell lets anyone report a problem there
 * with only a name, phone and address — no account — after a human check. The reporter gets a tracking
 * link instead of an account.
 */
import Type from 'typebox';
import { CASE_STATUSES } from '../cases/index.ts';
import { IsoTime, NodeId, Phone } from './common.ts';
import { defineRoute } from './route.ts';

const Token = Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_.-]+$' });
const TrackingKey = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });

export const CaseLink = Type.Object({
  placeId: NodeId,
  placeName: Type.String(),
  communityName: Type.String(),
  token: Type.String(),
  /** The address to print as a QR code (the resident web app's report page). */
  url: Type.String(),
  version: Type.Integer(),
});

export const getCaseLink = defineRoute({
  method: 'GET',
  url: '/api/case-links/:placeId',
  access: { action: 'case.link.manage' },
  summary: 'The QR report link of a community, grid or building (created on first use)',
  tags: ['cases'],
  params: Type.Object({ placeId: NodeId }),
  response: CaseLink,
});

export const rotateCaseLink = defineRoute({
  method: 'POST',
  url: '/api/case-links/:placeId/rotate',
  access: { action: 'case.link.manage' },
  summary: 'Replace the link (a poster was defaced or misused); old QR codes stop working',
  tags: ['cases'],
  params: Type.Object({ placeId: NodeId }),
  response: CaseLink,
});

export const caseLinkQr = defineRoute({
  method: 'GET',
  url: '/api/case-links/:placeId/qr.:format',
  access: { action: 'case.link.manage' },
  summary: 'The QR code of the link as PNG or SVG, for printing',
  tags: ['cases'],
  params: Type.Object({ placeId: NodeId, format: Type.Union([Type.Literal('png'), Type.Literal('svg')]) }),
  response: null,
});

export const HumanCheck = Type.Object({
  /** Signed challenge; send it back with the answer. */
  token: Type.String(),
  /** The question as an SVG image (digits drawn with noise): "3 + 4 = ?". */
  svg: Type.String(),
});

export const qrReportInfo = defineRoute({
  method: 'GET',
  url: '/api/public/report/:token',
  access: { auth: 'public' },
  summary: 'What a QR code points to: the place, the categories residents may choose, and a human check',
  tags: ['cases'],
  params: Type.Object({ token: Token }),
  response: Type.Object({
    placeName: Type.String(),
    communityName: Type.String(),
    categories: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]) }),
    ),
    check: HumanCheck,
  }),
});

export const qrReport = defineRoute({
  method: 'POST',
  url: '/api/public/report/:token',
  access: { auth: 'public' },
  summary: 'Report without an account (rate limited per IP, human check required)',
  tags: ['cases'],
  params: Type.Object({ token: Token }),
  body: Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 40 }),
      phone: Phone,
      address: Type.String({ minLength: 2, maxLength: 200 }),
      categoryId: Type.String({ pattern: '^[0-9]{1,18}$' }),
      description: Type.String({ minLength: 5, maxLength: 2000 }),
      attachments: Type.Optional(
        Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxItems: 9, uniqueItems: true }),
      ),
      checkToken: Type.String({ maxLength: 500 }),
      checkAnswer: Type.String({ maxLength: 10 }),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    no: Type.String(),
    /** Keep it: the tracking page shows how the case goes. */
    trackingKey: Type.String(),
  }),
  status: 201,
});

export const trackCase = defineRoute({
  method: 'GET',
  url: '/api/public/track/:key',
  access: { auth: 'public' },
  summary: 'How a case reported without an account is going (no personal data)',
  tags: ['cases'],
  params: Type.Object({ key: TrackingKey }),
  response: Type.Object({
    no: Type.String(),
    categoryName: Type.String(),
    placeName: Type.String(),
    status: Type.Enum(CASE_STATUSES),
    createdAt: IsoTime,
    timeline: Type.Array(
      Type.Object({ type: Type.String(), at: IsoTime, toStatus: Type.Enum(CASE_STATUSES), note: Type.String() }),
    ),
  }),
});
