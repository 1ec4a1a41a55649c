/**
 * The yardsticks of "事事有回应、件件有着落": response, on-time acceptance and resolution, median times,
 * resolution, satisfaction and reopening, per org node, category or department. The analytics module
 * (治慧中心) reads the same API.
 */
import Type from 'typebox';
import { IsoTime, NodeId } from './common.ts';
import { defineRoute } from './route.ts';

export const RATE_GROUPS = ['node', 'category', 'department'] as const;

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: 'share 0–1; null when there is nothing to divide by',
});
const Minutes = Type.Union([Type.Number(), Type.Null()]);

export const RateRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  total: Type.Integer({ description: 'cases reported in the period (merged and cancelled ones excluded)' }),
  responded: Type.Integer({ description: 'signed for (签收) or registered at the street' }),
  responseRate: Rate,
  onTimeAcceptanceRate: Rate,
  resolved: Type.Integer(),
  resolutionRate: Rate,
  onTimeResolutionRate: Rate,
  medianAcceptMinutes: Minutes,
  medianResolveMinutes: Minutes,
  rated: Type.Integer(),
  averageScore: Type.Union([Type.Number(), Type.Null()]),
  satisfactionRate: Rate,
  reopened: Type.Integer(),
  reopenRate: Rate,
});

export const caseRates = defineRoute({
  method: 'GET',
  url: '/api/case-rates',
  access: { action: 'case.rates' },
  summary: 'Case rates of a node (default: the caller’s scope) grouped by child node, category or department',
  tags: ['cases'],
  querystring: Type.Object({
    nodeId: Type.Optional(NodeId),
    groupBy: Type.Optional(Type.Enum(RATE_GROUPS, { default: 'node' })),
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
  }),
  response: Type.Object({ from: IsoTime, to: IsoTime, total: RateRow, rows: Type.Array(RateRow) }),
});
