import { expect } from 'vitest';
import type { TestClient } from '../src/testing/index.ts';

export interface Token {
  id: string;
  name: string;
  nodeId: string;
  nodeName: string;
  scopes: string[];
  prefix: string;
  ratePerMinute: number;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  active: boolean;
  createdByName: string | null;
}

/** Creates an API token as the given admin; returns it with its one-time secret. */
export async function createToken(c: TestClient, body: Record<string, unknown>) {
  const res = await c.post<{ token: Token; secret: string }>('/api/api-tokens', body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}
