/**
 * Open311 GeoReport v2 wire formats: the same answer as JSON or XML, and errors as `[{code, description}]`
 * (`<errors><error>…`). Element names follow the specification; lists get the singular of their name.
 */

export type Format = 'json' | 'xml';
type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}
export const bad = (description: string) => new Open311Error(400, description);
export const denied = (description: string) => new Open311Error(403, description);
export const missing = (description: string) => new Open311Error(404, description);

/** The element name of one item of a list element. */
const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function element(name: string, v: Value): string {
  if (v === null || v === undefined) return `<${name}/>`;
  if (Array.isArray(v)) {
    const item = SINGULAR[name] ?? 'item';
    return `<${name}>${v.map((x) => element(item, x)).join('')}</${name}>`;
  }
  if (typeof v === 'object')
    return `<${name}>${Object.entries(v)
      .map(([k, x]) => element(k, x))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(v))}</${name}>`;
}

export const toXml = (root: string, v: Value) => `<?xml version="1.0" encoding="utf-8"?>${element(root, v)}`;

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The body of an answer in the asked format: JSON as is, XML under the given root element. */
export const render = (fmt: Format, root: string, v: Value): string =>
  fmt === 'json' ? JSON.stringify(v) : toXml(root, v);

export const errorBody = (fmt: Format, e: Open311Error) =>
  render(fmt, 'errors', [{ code: e.status, description: e.description }]);

/** `services.json` → ['services', 'json']; anything but json/xml is not an endpoint. */
export function splitFormat(name: string): [string, Format] | null {
  const m = /^(.+)\.(json|xml)$/.exec(name);
  return m ? [m[1]!, m[2] as Format] : null;
}

/** ISO 8601 with the zone the district keeps (China: +08:00), as the specification asks. */
export function isoWithZone(d: Date | null, offsetMinutes = 480): string | null {
  if (!d) return null;
  const local = new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
