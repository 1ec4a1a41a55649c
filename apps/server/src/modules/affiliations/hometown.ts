/**
 * A village's public 乡愁乡音 page: villagers who moved away (often far from any Linli community) sign up
 * with their real name and phone and ask the village committee to let them in.
 */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { registerAccount } from '../auth/register.ts';
import * as org from '../org/service.ts';
import { apply } from './service.ts';

async function village(ctx: Ctx, id: string) {
  const v = await org.getNode(ctx.tx, id);
  if (v?.type !== 'community' || v.kind !== 'village') throw notFound();
  return v;
}

export async function info(ctx: Ctx, id: string) {
  const v = await village(ctx, id);
  const above = await org.ancestorsOf(ctx.tx, v.path);
  return {
    id: v.id,
    name: v.name,
    street: above.find((n) => n.type === 'street')?.name ?? '',
    district: above.find((n) => n.type === 'district')?.name ?? '',
  };
}

type JoinBody = Static<typeof api.affiliations.joinHometown.body>;

export async function join(ctx: Ctx, passwordHash: string | null, id: string, b: JoinBody) {
  const v = await village(ctx, id);
  const csrfToken = ctx.user ? null : await registerAccount(ctx, passwordHash, b, v);
  if (!ctx.user) throw new Error('registerAccount signs the applicant in');
  const affiliation = await apply(ctx, v.id, { kind: 'hometown', hometown: b.hometown }, b.name);
  return { affiliation, csrfToken };
}
