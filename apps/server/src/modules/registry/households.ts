/** Moving a household to another room of its community; the members' history keeps the old address. */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import * as records from '../residents/records.ts';
import * as outreach from './outreach-repository.ts';
import { addressOf, editableRoom, recordChanges } from './people.ts';
import { assertEditable } from './transfer.ts';

export async function move(ctx: Ctx, id: string, b: Static<typeof api.registry.moveHousehold.body>) {
  const h = await records.householdByIdAnywhere(ctx.tx, id);
  if (!h || !ctx.can('person.read', h.place)) throw notFound();
  if (!ctx.can('registry.edit', h.place)) throw forbidden();
  await assertEditable(ctx, h.community_id, h.id);
  const room = await editableRoom(ctx, b.roomId, '/roomId');
  // Households are community-owned rows; moving to another community is a new registration there.
  if (room.community_id !== h.community_id) throw badRequest('other_community', '/roomId');
  if (h.version !== b.version) throw conflict('version_conflict');
  if (room.id === h.address_node_id) throw badRequest('same_room', '/roomId');
  if ((await records.householdsAt(ctx.tx, h.community_id, room.id)).length > 0)
    throw badRequest('room_occupied', '/roomId');
  const address = await addressOf(ctx, room);
  if (!(await records.moveHousehold(ctx.tx, h, { roomId: room.id, address }))) throw conflict('version_conflict');
  const members = await records.householdMembers(ctx.tx, h.community_id, id);
  for (const m of members) {
    await recordChanges(ctx, h.community_id, m.id, [['address', h.address_text, address]], b.reason);
    await records.touchPerson(ctx.tx, h.community_id, m.id, ctx.now);
  }
  // Paths run district/street/community/grid/…: the fourth segment is the room's grid.
  const grid = room.path.split('/').filter(Boolean)[3] ?? null;
  await outreach.retarget(
    ctx.tx,
    h.community_id,
    members.map((m) => m.id),
    room.path,
    grid,
  );
  await ctx.audit({
    action: 'registry.household.move',
    resourceType: 'household',
    resourceId: id,
    nodeId: room.id,
    nodePath: room.path,
    detail: { from: h.address_node_id, to: room.id, reason: b.reason, members: members.length },
  });
  await ctx.emit({
    topic: 'registry.household.moved',
    payload: { householdId: id, communityId: h.community_id, from: h.address_node_id, to: room.id },
    communityId: h.community_id,
  });
  return { id, roomId: room.id, address, version: h.version + 1 };
}
