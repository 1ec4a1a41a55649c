import Type from 'typebox';
import { defineRoute } from './route.ts';

export const health = defineRoute({
  method: 'GET',
  url: '/api/health',
  access: { auth: 'public' },
  summary: 'Liveness',
  tags: ['ops'],
  response: Type.Object({ status: Type.Literal('ok') }),
});

export const ready = defineRoute({
  method: 'GET',
  url: '/api/ready',
  access: { auth: 'public' },
  summary: 'Readiness: database reachable and all migrations applied',
  tags: ['ops'],
  response: Type.Object({ status: Type.Literal('ready'), engine: Type.String(), migrations: Type.Integer() }),
});
