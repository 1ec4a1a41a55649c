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

/** The GeoReport v2 field lists (wiki.open311.org/GeoReport_v2). */
export const SPEC = {
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  attribute: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
  request: [
    'service_request_id',
    'status',
    'status_notes',
    'service_name',
    'service_code',
    'description',
    'agency_responsible',
    'service_notice',
    'requested_datetime',
    'updated_datetime',
    'expected_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
  created: ['service_request_id', 'service_notice', 'account_id'],
  datatypes: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'],
};

/** ISO 8601 with an explicit zone (Z or ±hh:mm). */
export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The child elements of every `<item>` element in a flat XML answer, as strings ('' for `<x/>`). */
export function xmlItems(xml: string, item: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${item}>([\\s\\S]*?)</${item}>`, 'g'))) {
    const fields: Record<string, string> = {};
    for (const f of m[1]!.matchAll(/<(\w+)>([^<]*)<\/\1>|<(\w+)\/>/g)) {
      if (f[3]) fields[f[3]] = '';
      else fields[f[1]!] = f[2]!;
    }
    out.push(fields);
  }
  return out;
}

/** A form-urlencoded POST, as external systems send it. */
export const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
