/**
 * Who sees what of a person (docs/adr/0009-registry.md): `person.read` gives the full record,
 * `registry.contact` only name, room and phone; a sensitive tag shows only to the roles the taxonomy names
 * for it, held over the person's place.
 */
import { isWithin, type Role, reachOf } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';

export type View = 'full' | 'contact' | null;

export function viewOf(ctx: Ctx, place: string): View {
  if (ctx.can('person.read', place)) return 'full';
  if (ctx.can('registry.contact', place)) return 'contact';
  return null;
}

/** Roles the caller holds over a place with registry reach (a role granted elsewhere does not count). */
export function rolesOver(ctx: Ctx, place: string): Set<Role> {
  return new Set(
    ctx.grants.filter((g) => reachOf(g.role, 'person.read') && isWithin(place, g.path)).map((g) => g.role),
  );
}

export interface TagRules {
  sensitive: boolean;
  setter_roles: string[];
  viewer_roles: string[];
  min_age: number | null;
  max_age: number | null;
  active: boolean;
}

export const isDerived = (t: Pick<TagRules, 'min_age' | 'max_age'>) => t.min_age !== null || t.max_age !== null;

export const mayView = (t: TagRules, roles: ReadonlySet<string>) =>
  !t.sensitive || [...t.setter_roles, ...t.viewer_roles].some((r) => roles.has(r));

export const maySet = (t: TagRules, roles: ReadonlySet<string>) =>
  t.active && !isDerived(t) && t.setter_roles.some((r) => roles.has(r));

/**
 * The part of the caller's person.read scopes where a tag is visible: for a sensitive tag, only under grants
 * of a role allowed to see it (so filtering by 低保 never shows who is 低保 to anyone else).
 */
export function tagScopes(ctx: Ctx, scopes: string[], t: TagRules): string[] {
  if (!t.sensitive) return scopes;
  const allowed = ctx.grants
    .filter((g) => reachOf(g.role, 'person.read') && mayView(t, new Set([g.role])))
    .map((g) => g.path);
  const out = new Set<string>();
  for (const s of scopes) {
    if (allowed.some((a) => isWithin(s, a))) out.add(s);
    else for (const a of allowed) if (isWithin(a, s)) out.add(a);
  }
  return [...out];
}
