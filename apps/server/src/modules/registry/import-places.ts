/**
 * Where an imported row lives: its community (the target itself, or — when importing into a street or the
 * district — the community its 社区 column names) and its room by any way the room may be written. Rooms are
 * read per community when first needed and only a few communities are kept, so memory does not grow with
 * the district; only rooms the importer may edit are known.
 */
import { type Actor, can } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import * as org from '../org/service.ts';
import { roomKeys } from './import-rows.ts';

export interface Room {
  id: string;
  communityId: string;
  address: string;
}
interface Rooms {
  byKey: Map<string, string>;
  byId: Map<string, Room>;
}

const KEEP = 16;

export class Places {
  private readonly cache = new Map<string, Rooms>();
  private communities: Map<string, string> | null = null; // name → id ('' when ambiguous)

  constructor(
    private readonly target: { id: string; path: string; type: string },
    private readonly actor: Actor,
  ) {}

  /** Whether rows must name their community (the target is above a community). */
  get needsCommunity(): boolean {
    return this.target.type !== 'community';
  }

  /** The community a row's 社区 cell names, under the target. */
  async community(tx: Db, name: string): Promise<string | undefined> {
    if (!this.needsCommunity) return this.target.id;
    if (!this.communities) {
      const nodes = await org.descendants(tx, this.target.path, ['community']);
      // Two communities of one name under the target: the name says nothing, rows naming it are refused.
      this.communities = new Map();
      for (const n of nodes) {
        const k = n.name.replace(/\s+/g, '');
        this.communities.set(k, this.communities.has(k) ? '' : n.id);
      }
    }
    return this.communities.get(name.replace(/\s+/g, '')) || undefined;
  }

  /** The rooms of a community the importer may edit, by key. */
  async rooms(tx: Db, communityId: string): Promise<Rooms> {
    const hit = this.cache.get(communityId);
    if (hit) {
      this.cache.delete(communityId);
      this.cache.set(communityId, hit);
      return hit;
    }
    const community = await org.getNode(tx, communityId);
    const out: Rooms = { byKey: new Map(), byId: new Map() };
    if (community) {
      const nodes = await org.descendants(tx, community.path, ['grid', 'building', 'unit', 'room']);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      for (const n of nodes) {
        if (n.type !== 'room' || !can(this.actor, 'registry.edit', { path: n.path })) continue;
        const names: string[] = [];
        for (
          let x: typeof n | undefined = n;
          x && x.type !== 'grid';
          x = x.parent_id ? byId.get(x.parent_id) : undefined
        )
          names.unshift(x.name);
        for (const k of roomKeys(names)) out.byKey.set(k, n.id);
        out.byId.set(n.id, { id: n.id, communityId, address: names.join(' ') });
      }
    }
    this.cache.set(communityId, out);
    if (this.cache.size > KEEP) this.cache.delete(this.cache.keys().next().value!);
    return out;
  }
}
