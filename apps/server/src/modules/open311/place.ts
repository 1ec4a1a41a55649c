/**
 * Where an Open311 request is: `jurisdiction_id` (the statistical code of a street or community) narrows
 * the token's subtree; then `address_id` (an org node id), a `lat`/`long` pin (the community, and inside it
 * the grid or building, whose outline contains it) or an `address_string` naming a community decide the
 * place. A place outside the token's subtree is 403.
 */
import { geo } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import { type Place, placeOf } from '../cases/intake.ts';
import { outlinesWithin } from '../org/geometry-repository.ts';
import * as org from '../org/service.ts';
import { bad, denied, missing } from './format.ts';

export interface Jurisdiction {
  id: string;
  name: string;
  path: string;
}

/** The street or community with this code; 404 when there is none, 403 when it lies outside `within`. */
export async function jurisdictionOf(tx: Db, code: string | undefined, within: string | null) {
  if (code === undefined || code === '') return null;
  const n = await tx
    .selectFrom('org_node')
    .select(['id', 'name', 'path'])
    .where('code', '=', code)
    .where('type', 'in', ['street', 'community'])
    .executeTakeFirst();
  if (!n) throw missing(`jurisdiction_id ${code} is not a known street or community`);
  if (within && !n.path.startsWith(within) && !within.startsWith(n.path))
    throw denied('jurisdiction_id lies outside what this api_key may reach');
  return n as Jurisdiction;
}

export interface Location {
  lat?: number;
  lng?: number;
  addressString?: string;
  addressId?: string;
}

const inside = (p: Place, scope: string) => p.path.startsWith(scope);

/** The deepest outlined grid or building of a community containing the pin, else the community. */
async function pinPlace(tx: Db, community: Place, lat: number, lng: number): Promise<Place> {
  const outlines = await outlinesWithin(tx, [community.path], ['grid', 'building'], 500);
  const hit = outlines
    .filter((o) => o.id !== community.id && geo.pointInPolygon([lng, lat], o.geometry))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return (hit && (await placeOf(tx, hit.id))) ?? community;
}

export async function resolvePlace(tx: Db, scopePath: string, loc: Location): Promise<Place> {
  if (loc.addressId !== undefined) {
    if (!/^\d{1,18}$/.test(loc.addressId)) throw bad('address_id must be the id of a place');
    const p = await placeOf(tx, loc.addressId);
    if (!p) throw bad(`address_id ${loc.addressId} is not a known place`);
    if (!inside(p, scopePath)) throw denied('address_id lies outside what this api_key may reach');
    return p;
  }
  const scope = await scopeCommunity(tx, scopePath);
  if (loc.lat !== undefined && loc.lng !== undefined) {
    if (scope) {
      const outline = (await outlinesWithin(tx, [scope.communityPath], ['community'], 1))[0];
      if (outline && !geo.pointInPolygon([loc.lng, loc.lat], outline.geometry))
        throw bad('lat/long lie outside the community');
      return pinPlace(tx, scope.community, loc.lat, loc.lng);
    }
    const communities = await outlinesWithin(tx, [scopePath], ['community'], 2000);
    const hit = communities.find((c) => geo.pointInPolygon([loc.lng!, loc.lat!], c.geometry));
    if (!hit) throw bad('lat/long lie in no community this api_key may reach; give address_id or jurisdiction_id');
    return pinPlace(tx, (await placeOf(tx, hit.id))!, loc.lat, loc.lng);
  }
  if (loc.addressString) {
    if (scope) return scope.place;
    const communities = await org.descendants(tx, scopePath, ['community']);
    const named = communities.filter((c) => loc.addressString!.includes(c.name));
    if (named.length !== 1)
      throw bad('address_string names no single community; add jurisdiction_id (a community) or address_id');
    return (await placeOf(tx, named[0]!.id))!;
  }
  throw bad('a location is required: lat and long, address_string or address_id');
}

/** When the scope is a community or a place inside one: that place and its community. */
async function scopeCommunity(tx: Db, scopePath: string) {
  const id = scopePath.split('/').filter(Boolean).at(-1)!;
  const place = await placeOf(tx, id);
  if (!place) return null;
  const community = place.type === 'community' ? place : (await placeOf(tx, place.communityId))!;
  return { place, community, communityPath: place.communityPath };
}
