/** Rooms: housing facts (floor area, use, ownership) and the households living there. */
import type { api } from '@linli/contracts';
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import * as records from '../residents/records.ts';
import { addressOf, editableRoom } from './people.ts';
import { rows } from './views.ts';

const housingView = (h: Awaited<ReturnType<typeof records.housingOf>>) => ({
  floorArea: h?.floor_area == null ? null : Number(h.floor_area),
  use: (h?.use ?? 'residential') as never,
  ownership: (h?.ownership ?? 'owner_occupied') as never,
  version: h?.version ?? 0,
});

export async function get(ctx: Ctx, id: string) {
  const room = await org.getNode(ctx.tx, id);
  if (!room || !ctx.can('person.read', room.path)) throw notFound();
  if (room.type !== 'room' || !room.community_id) throw badRequest('not_a_room', '/id');
  const [housing, households] = await Promise.all([
    records.housingOf(ctx.tx, room.community_id, id),
    records.householdsAt(ctx.tx, room.community_id, id),
  ]);
  const people = (await records.searchPeople(ctx.tx, records.placeIn([room.path]), 200, 0)).rows;
  const members = await rows(ctx, people);
  await ctx.audit({
    action: 'registry.room.read',
    resourceType: 'org_node',
    resourceId: id,
    nodeId: id,
    nodePath: room.path,
    detail: { ids: people.map((p) => p.id) },
  });
  return {
    id,
    name: room.name,
    address: await addressOf(ctx, room),
    housing: housingView(housing),
    households: households.map((h) => ({
      id: h.id,
      version: h.version,
      members: members.filter((_m, i) => people[i]!.household_id === h.id),
    })),
    abilities: { edit: ctx.can('registry.edit', room.path), addPerson: ctx.can('registry.edit', room.path) },
  };
}

export async function putHousing(ctx: Ctx, id: string, b: Static<typeof api.registry.putHousing.body>) {
  const room = await editableRoom(ctx, id);
  const before = await records.housingOf(ctx.tx, room.community_id, id);
  if ((before?.version ?? 0) !== b.version) throw conflict('version_conflict');
  const ok = await records.saveHousing(
    ctx.tx,
    { community_id: room.community_id, node_id: id, floor_area: b.floorArea, use: b.use, ownership: b.ownership },
    b.version,
    ctx.user!.id,
    ctx.now,
  );
  if (!ok) throw conflict('version_conflict');
  await ctx.audit({
    action: 'registry.housing.update',
    resourceType: 'org_node',
    resourceId: id,
    nodeId: id,
    nodePath: room.path,
    detail: { before: before ? housingView(before) : null, after: b },
  });
  await ctx.emit({ topic: 'registry.housing.updated', payload: { roomId: id }, communityId: room.community_id });
  return housingView(await records.housingOf(ctx.tx, room.community_id, id));
}
