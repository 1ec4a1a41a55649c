import Type from 'typebox';
import { PHONE_PATTERN } from '../validation.ts';

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-zA-Z-]+$' });
export const NodeId = Type.String({ pattern: '^[0-9]{1,18}$', description: 'org node id' });
export const Uuid = Type.String({ format: 'uuid' });
export const Phone = Type.String({ pattern: PHONE_PATTERN, description: 'mainland mobile number' });
export const IsoTime = Type.String({ format: 'date-time' });

/** RFC 9457 problem details, with Linli's stable `code` and field-level `errors`. */
export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() }))),
});

export const Ok = Type.Object({ ok: Type.Literal(true) });

export const Page = <T extends import('typebox').TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

/** Ability map sent with a resource: which actions the caller may take on it. */
export const Abilities = Type.Record(Type.String(), Type.Boolean());
