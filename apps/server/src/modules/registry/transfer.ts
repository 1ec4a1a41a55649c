/**
 * Moving a household to another community (迁出 → 迁入; docs/adr/0009-registry.md). The old community's committee
 * (registry.edit over the whole community) starts it; the receiving community's committee accepts it into an
 * empty room or refuses it; an editor of both does it in one step. Acceptance copies everything to the new
 * community's key in the request's transaction and leaves a tombstone behind.
 */
import { randomUUID } from 'node:crypto';
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import { listingScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as people from '../people/service.ts';
import * as records from '../residents/records.ts';
import { addressOf, editableRoom } from './people.ts';
import * as repo from './transfer-repository.ts';

type StartBody = Static<typeof api.registryTransfer.startTransfer.body>;
type Row = repo.TransferRow;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

async function view(ctx: Ctx, x: Row) {
  // Once accepted the people live in the new community; the receiving side sees those rows, the old side its own.
  const newSide = x.status === 'accepted' && x.new_household_id && ctx.can('person.read', x.to_path);
  const members = newSide
    ? await repo.membersOf(ctx.tx, x.to_community_id, x.new_household_id!)
    : await repo.membersOf(ctx.tx, x.from_community_id, x.household_id);
  return {
    id: x.id,
    householdId: x.household_id,
    fromCommunityId: x.from_community_id,
    fromCommunityName: x.from_name,
    fromAddress: x.from_address,
    toCommunityId: x.to_community_id,
    toCommunityName: x.to_name,
    status: x.status as 'pending',
    reason: x.reason,
    requestedByName: x.requested_by_name,
    requestedAt: iso(x.requested_at)!,
    decidedByName: x.decided_by_name,
    decidedAt: iso(x.decided_at),
    note: x.note,
    toRoomId: x.to_room_id,
    toAddress: x.to_address,
    newHouseholdId: x.new_household_id,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      relation: m.relation,
      sex: m.sex,
      birthDate: m.birth_date,
    })),
    version: x.version,
    canDecide: x.status === 'pending' && ctx.can('registry.edit', x.to_path),
    canCancel: x.status === 'pending' && ctx.can('registry.edit', x.from_path),
  };
}

/** Refuses edits of a moved-out household or one with a transfer pending (used by every registry write). */
export async function assertEditable(ctx: Ctx, communityId: string, householdId: string) {
  const s = await repo.householdState(ctx.tx, communityId, householdId);
  if (s?.moved_out) throw conflict('moved_out');
  if (s?.pending) throw conflict('transfer_pending');
}

const community = async (ctx: Ctx, id: string) => {
  const n = await org.getNode(ctx.tx, id);
  return n?.type === 'community' ? n : null;
};

export async function start(ctx: Ctx, householdId: string, b: StartBody) {
  const h = await records.householdByIdAnywhere(ctx.tx, householdId);
  if (!h || !ctx.can('person.read', h.place)) throw notFound();
  const from = (await community(ctx, h.community_id))!;
  // Moving a household out is the committee's decision: edit rights over the whole community, not a grid.
  if (!ctx.can('registry.edit', from.path)) throw forbidden();
  const to = await community(ctx, b.toCommunityId);
  if (!to) throw new AppError(422, 'validation_failed', {}, [{ path: '/toCommunityId', code: 'not_found' }]);
  if (to.id === from.id) throw badRequest('same_community', '/toCommunityId');
  await assertEditable(ctx, h.community_id, h.id);
  if (h.version !== b.version) throw conflict('version_conflict');
  // One step needs edit rights over both sides; checked before anything is written.
  const room = b.roomId ? await targetRoom(ctx, to, b.roomId) : null;
  const members = await repo.membersOf(ctx.tx, h.community_id, h.id);
  const id = randomUUID();
  if (!(await repo.bumpHousehold(ctx.tx, h.community_id, h.id, h.version))) throw conflict('version_conflict');
  await repo.insertTransfer(ctx.tx, {
    from_community_id: h.community_id,
    id,
    household_id: h.id,
    to_community_id: to.id,
    status: 'pending',
    reason: b.reason.trim(),
    from_address: h.address_text,
    members: members.length,
    requested_by: ctx.user!.id,
    requested_by_name: ctx.user!.name,
    requested_at: ctx.now,
    decided_by: null,
    decided_by_name: null,
    decided_at: null,
    note: null,
    to_room_id: null,
    to_address: null,
    new_household_id: null,
    version: 1,
  });
  await ctx.audit({
    action: 'registry.household.transfer',
    resourceType: 'household',
    resourceId: h.id,
    nodeId: h.address_node_id ?? h.community_id,
    nodePath: h.place,
    detail: { transferId: id, to: to.id, reason: b.reason, members: members.map((m) => m.id) },
  });
  await ctx.emit({
    topic: 'registry.transfer.requested',
    payload: { transferId: id, householdId: h.id, from: h.community_id, to: to.id, oneStep: !!room },
    communityId: h.community_id,
  });
  const x = (await repo.transferById(ctx.tx, id))!;
  if (!room) return view(ctx, x);
  return view(ctx, await complete(ctx, x, room));
}

/** An empty room of the receiving community the caller may edit (and the whole community's registry). */
async function targetRoom(ctx: Ctx, to: { id: string; path: string }, roomId: string) {
  if (!ctx.can('registry.edit', to.path)) throw forbidden();
  const room = await editableRoom(ctx, roomId, '/roomId');
  if (room.community_id !== to.id) throw badRequest('other_community', '/roomId');
  if ((await records.householdsAt(ctx.tx, to.id, room.id)).length > 0) throw badRequest('room_occupied', '/roomId');
  return room;
}

/** The transfer if the caller may see it (an editor of either side); others get 404. */
async function load(ctx: Ctx, id: string) {
  const x = await repo.transferById(ctx.tx, id);
  if (!x) throw notFound();
  const sees = (path: string) => ctx.can('community.read', path) || ctx.can('registry.stats', path);
  if (!sees(x.to_path) && !sees(x.from_path)) throw notFound();
  return x;
}

export async function accept(ctx: Ctx, id: string, b: { version: number; roomId: string }) {
  const x = await load(ctx, id);
  if (!ctx.can('registry.edit', x.to_path)) throw forbidden();
  if (x.status !== 'pending') throw conflict('transfer_decided');
  if (x.version !== b.version) throw conflict('version_conflict');
  const room = await targetRoom(ctx, { id: x.to_community_id, path: x.to_path }, b.roomId);
  return view(ctx, await complete(ctx, x, room));
}

/** Does the move: copies, tombstones, re-targets tasks, records both sides' history, audits and emits. */
async function complete(ctx: Ctx, x: Row, room: { id: string; path: string; name: string; type: string }) {
  const address = await addressOf(ctx, room);
  const at = ctx.now;
  if (
    !(await repo.decide(ctx.tx, x, {
      status: 'accepted',
      decided_by: ctx.user!.id,
      decided_by_name: ctx.user!.name,
      decided_at: at,
      to_room_id: room.id,
      to_address: address,
    }))
  )
    throw conflict('version_conflict');
  const moved = await repo.carryOver(ctx.tx, {
    from: x.from_community_id,
    householdId: x.household_id,
    to: x.to_community_id,
    roomId: room.id,
    address,
    at,
  });
  await repo.setNewHousehold(ctx.tx, x.from_community_id, x.id, moved.householdId);
  const change = {
    field: 'address',
    old: `${x.from_name} ${x.from_address}`,
    new: `${x.to_name} ${address}`,
    by: ctx.user!.id,
    byName: ctx.user!.name,
    at,
  };
  await repo.addChange(ctx.tx, x.to_community_id, [...moved.ids.values()], {
    ...change,
    reason: `迁入(${x.reason})`,
  });
  await repo.addChange(ctx.tx, x.from_community_id, [...moved.ids.keys()], {
    ...change,
    reason: `迁出(${x.reason})`,
  });
  // Paths run district/street/community/grid/…: the fourth segment is the room's grid.
  const grid = room.path.split('/').filter(Boolean)[3] ?? null;
  const tasks = await repo.retargetTasks(ctx.tx, x.from_community_id, x.to_community_id, moved.ids, room.path, grid);
  // Their accounts move too, in this transaction: the next sign-in already opens the new community.
  const residents = await people.relocateResidents(ctx, {
    transferId: x.id,
    from: { id: x.from_community_id, path: x.from_path },
    to: { id: x.to_community_id },
    home: room,
    userIds: moved.userIds,
  });
  await ctx.audit({
    action: 'registry.household.transfer.accept',
    resourceType: 'household',
    resourceId: moved.householdId,
    nodeId: room.id,
    nodePath: room.path,
    detail: {
      transferId: x.id,
      from: x.from_community_id,
      oldHousehold: x.household_id,
      people: Object.fromEntries(moved.ids),
      tasks,
      residents,
    },
  });
  await ctx.emit({
    topic: 'registry.transfer.decided',
    payload: {
      transferId: x.id,
      status: 'accepted',
      from: x.from_community_id,
      to: x.to_community_id,
      householdId: moved.householdId,
      oldHouseholdId: x.household_id,
      userIds: moved.userIds,
      residents,
    },
    communityId: x.to_community_id,
  });
  return (await repo.transferById(ctx.tx, x.id))!;
}

export async function refuse(ctx: Ctx, id: string, b: { version: number; reason: string }) {
  const x = await load(ctx, id);
  if (!ctx.can('registry.edit', x.to_path)) throw forbidden();
  return close(ctx, x, b.version, 'refused', b.reason.trim());
}

export async function cancel(ctx: Ctx, id: string, b: { version: number }) {
  const x = await load(ctx, id);
  if (!ctx.can('registry.edit', x.from_path)) throw forbidden();
  return close(ctx, x, b.version, 'cancelled', null);
}

async function close(ctx: Ctx, x: Row, version: number, status: 'refused' | 'cancelled', note: string | null) {
  if (x.status !== 'pending') throw conflict('transfer_decided');
  if (x.version !== version) throw conflict('version_conflict');
  const ok = await repo.decide(ctx.tx, x, {
    status,
    decided_by: ctx.user!.id,
    decided_by_name: ctx.user!.name,
    decided_at: ctx.now,
    note,
  });
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: `registry.household.transfer.${status === 'refused' ? 'refuse' : 'cancel'}`,
    resourceType: 'household',
    resourceId: x.household_id,
    nodeId: status === 'refused' ? x.to_community_id : x.from_community_id,
    nodePath: status === 'refused' ? x.to_path : x.from_path,
    detail: { transferId: x.id, note },
  });
  await ctx.emit({
    topic: 'registry.transfer.decided',
    payload: { transferId: x.id, status, from: x.from_community_id, to: x.to_community_id },
    communityId: x.from_community_id,
  });
  return view(ctx, (await repo.transferById(ctx.tx, x.id))!);
}

export async function list(ctx: Ctx, q: { direction?: 'incoming' | 'outgoing'; pending?: boolean }) {
  const scopes = listingScope(ctx.actor, 'registry.edit', null);
  const rows = await repo.transfersUnder(ctx.tx, q.direction === 'outgoing' ? 'from' : 'to', scopes, !!q.pending);
  const items = await Promise.all(rows.map((x) => view(ctx, x)));
  // Names, sexes and birth dates of the people concerned are personal data: the listing is audited.
  await ctx.audit({
    action: 'registry.transfers.list',
    resourceType: 'household',
    nodePath: scopes[0] ?? null,
    detail: {
      direction: q.direction ?? 'incoming',
      ids: items.map((i) => i.id),
      people: items.flatMap((i) => i.members.map((m) => m.id)),
    },
  });
  return { items };
}

export async function destinations(ctx: Ctx, q?: string) {
  const rows = q?.trim() ? await repo.communitiesNamed(ctx.tx, q.trim()) : [];
  return { items: rows.map((c) => ({ id: c.id, name: c.name, streetName: c.street_name })) };
}
