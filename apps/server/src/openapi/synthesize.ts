/**
 * An example value for a JSON schema, for routes without a hand-written example (examples.ts): the
 * schema's own `examples`/`default`, else a plausible value of its type that satisfies its pattern, format
 * and bounds. test/openapi-contract.test.ts validates every example in the document against its schema.
 */
type Schema = Record<string, unknown>;

const FORMATS: Record<string, string> = {
  'date-time': '2026-11-24T09:00:00.000+08:00',
  date: '2026-11-24',
  uuid: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  email: 'service@example.cn',
  uri: 'https://example.cn/',
  'cn-id-number': '11010519491231002X',
};

/** Strings tried, in order, against a pattern: ids, phone, dates, codes, URLs, hashes, cursors. */
const CANDIDATES = [
  '12',
  '13800000003',
  '2026-11-24',
  '09:00',
  'SQ06',
  'https://example.cn/hook',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'street_lamp',
  '1732410000000.6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  '12.34',
  'llk_example',
  'abc',
];

function str(s: Schema): string {
  if (typeof s.format === 'string' && FORMATS[s.format]) return FORMATS[s.format]!;
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern, 'u');
    const hit = CANDIDATES.find((c) => re.test(c));
    if (hit) return hit;
  }
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 40;
  const base = '银杏社区';
  return base.repeat(Math.ceil(Math.max(min, 1) / base.length)).slice(0, Math.max(min, Math.min(max, base.length)));
}

function num(s: Schema, integer: boolean): number {
  const n = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const lo = n('minimum') ?? n('exclusiveMinimum');
  const hi = n('maximum') ?? n('exclusiveMaximum');
  // 1 when allowed (counts, versions, limits); else the middle of the range (shares such as 0 < x < 1).
  if (
    (lo === undefined || lo < 1 || (lo === 1 && n('minimum') === 1)) &&
    (hi === undefined || hi > 1 || n('maximum') === 1)
  )
    return 1;
  if (lo !== undefined && hi !== undefined) return integer ? Math.ceil((lo + hi) / 2) : (lo + hi) / 2;
  if (lo !== undefined) return integer ? Math.floor(lo) + 1 : lo + 1;
  return integer ? Math.ceil(hi! - 1) : hi! - 1;
}

export function synthesize(schema: unknown, depth = 0): unknown {
  const s = (schema ?? {}) as Schema;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = s[key] as Schema[] | undefined;
    if (alts?.length) return synthesize(alts.find((a) => a.type !== 'null') ?? alts[0], depth);
  }
  if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map((a) => synthesize(a, depth) as object));
  const type = Array.isArray(s.type) ? (s.type.find((x) => x !== 'null') ?? s.type[0]) : s.type;
  if (depth > 8) return type === 'array' ? [] : type === 'object' ? {} : null;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, synthesize(v, depth + 1)]));
    }
    case 'array': {
      const n = typeof s.minItems === 'number' ? Math.max(1, s.minItems) : 1;
      const item = synthesize(s.items, depth + 1);
      // uniqueItems: one item is always unique.
      return Array.from({ length: s.uniqueItems ? 1 : n }, () => item);
    }
    case 'string':
      return str(s);
    case 'integer':
      return num(s, true);
    case 'number':
      return num(s, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return s.properties ? synthesize({ ...s, type: 'object' }, depth) : null;
  }
}
