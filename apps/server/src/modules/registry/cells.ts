/**
 * Minimum cell size: a count of 1 to 4 people could single someone out, so a caller who may see only
 * aggregates of a community (registry.stats without person.read there: streets, observers) gets null for it,
 * which the screens show as "<5". Readers of the people themselves see exact counts.
 */
import { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';

const { MIN_CELL } = api.registry;

export const isSmall = (n: number) => n > 0 && n < MIN_CELL;

/** `n`, or null when it is a small cell and the caller may not read the people it counts. */
export const cell = (n: number, exact: boolean): number | null => (exact || !isSmall(n) ? n : null);

/** Whether the caller sees exact counts of the community at `path`. */
export const exactIn = (ctx: Ctx, path: string) => ctx.can('person.read', path);
