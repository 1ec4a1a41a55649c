/**
 * Corrections from data collection forms written back to the registry after a cadre confirms them
 * (docs/adr/0015-data-collection-forms.md, "Corrections"). Only a list of people (a tag list) names whom to
 * change: rows the worker added get the tag, rows they struck out lose it, each through the tag service (its
 * rules, history and audit). A count says nothing about whom, so it is sent for verification instead: an
 * update campaign (信息核实) over the target for its grid workers.
 */
import type { api } from '@linli/contracts';
import type { Ctx } from '../../platform/context.ts';
import * as records from '../residents/records.ts';
import { isDerived, maySet, rolesOver } from './access.ts';
import * as campaigns from './campaigns.ts';
import * as repo from './corrections-repository.ts';
import * as tags from './tags.ts';

type Binding = api.forms.BindingT;
type Row = { name?: unknown; address?: unknown };
type Outcome = api.formFollowup.CorrectionOutcomeT;

/** Whether the caller can write a correction of this binding back person by person at `communityPath`. */
export async function applicable(ctx: Ctx, binding: Binding, communityPath: string): Promise<boolean> {
  if (binding.kind !== 'tag_list' || !binding.tag) return false;
  const t = await records.tagByCode(ctx.tx, binding.tag);
  // A derived tag (an age band) follows the birth date; a tag with levels needs a level no list gives.
  return !!t && !isDerived(t) && !t.has_level && maySet(t, rolesOver(ctx, communityPath));
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const keyOf = (r: Row) => `${text(r.name)}\u0000${text(r.address)}`;
const rows = (v: unknown): Row[] =>
  Array.isArray(v) ? v.filter((r): r is Row => !!r && typeof r === 'object' && text((r as Row).name) !== '') : [];

/**
 * Applies a corrected tag list for the target at `path`: every row the answer adds or drops, matched to
 * exactly one person under the target by name (and address, when the list has one). A row matching nobody or
 * several people is left for the cadre (`unmatched`); a person already as the answer says is not touched.
 */
export async function applyTagList(
  ctx: Ctx,
  target: { path: string },
  tag: string,
  registryValue: unknown,
  answer: unknown,
  reason: string,
): Promise<Outcome> {
  const before = rows(registryValue);
  const after = rows(answer);
  const had = new Set(before.map(keyOf));
  const has = new Set(after.map(keyOf));
  const changes = [
    ...after.filter((r) => !had.has(keyOf(r))).map((r) => ({ r, change: 'add' as const })),
    ...before.filter((r) => !has.has(keyOf(r))).map((r) => ({ r, change: 'remove' as const })),
  ];
  const today = records.chinaToday(ctx.now);
  const ages: records.AgeTags = new Map();
  const where = records.ruleWhere({ all: [{ tag, has: true }] }, today, ages);
  const people = await repo.peopleNamed(ctx.tx, target.path, [...new Set(changes.map((c) => text(c.r.name)))], where);
  const out: Required<Pick<Outcome, 'added' | 'removed' | 'unmatched'>> = { added: [], removed: [], unmatched: [] };
  const done = new Set<string>();
  for (const { r, change } of changes) {
    const name = text(r.name);
    const address = text(r.address);
    const found = people.filter((p) => p.name === name && (!address || p.address_text === address));
    if (found.length !== 1 || done.has(found[0]!.id)) {
      out.unmatched.push({ name, address, change });
      continue;
    }
    const p = found[0]!;
    done.add(p.id);
    if (change === 'add' && !p.has) {
      await tags.set(ctx, p.id, tag, { validFrom: today, evidence: reason });
      out.added.push(name);
    } else if (change === 'remove' && p.has) {
      await tags.remove(ctx, p.id, tag, reason);
      out.removed.push(name);
    }
  }
  return out;
}

/** Sends a target's count for verification: an update campaign over it (信息核实) for its grid workers. */
export async function verifyTarget(ctx: Ctx, nodeId: string, name: string): Promise<Outcome> {
  const c = await campaigns.create(ctx, { nodeId, name: name.slice(0, 60) });
  return { campaignId: c.id };
}
