/** Update campaigns and their items (one per person, for the grid above their room). */
import { type Insertable, sql } from 'kysely';
import type { Db } from '../../platform/db/engine.ts';
import { under } from './outreach-repository.ts';

type CampaignTables = {
  registry_campaign: {
    id: string;
    node_id: string;
    node_path: string;
    name: string;
    item_count: number;
    created_by: string;
    created_at: Date;
  };
  registry_campaign_item: {
    community_id: string;
    campaign_id: string;
    person_id: string;
    grid_id: string | null;
    place_path: string;
    status: string;
    done_by: string | null;
    done_at: Date | null;
    version: number;
  };
};
const r = (tx: Db) => tx.withTables<CampaignTables>();

export async function insertCampaign(
  tx: Db,
  c: Insertable<CampaignTables['registry_campaign']>,
  people: { community_id: string; id: string; place: string; grid_id: string | null }[],
) {
  await r(tx).insertInto('registry_campaign').values(c).execute();
  for (let i = 0; i < people.length; i += 500)
    await r(tx)
      .insertInto('registry_campaign_item')
      .values(
        people.slice(i, i + 500).map((p) => ({
          community_id: p.community_id,
          campaign_id: c.id,
          person_id: p.id,
          grid_id: p.grid_id,
          place_path: p.place,
          status: 'pending',
          done_by: null,
          done_at: null,
          version: 1,
        })),
      )
      .execute();
}

/** Campaigns defined in the scopes or with items there, with progress counted in the scopes. */
export async function campaignsIn(tx: Db, scopes: string[], limit: number, offset: number) {
  const itemsIn = under('i.place_path', scopes);
  const base = r(tx)
    .selectFrom('registry_campaign as c')
    .where(
      sql<boolean>`(${under('c.node_path', scopes)} OR EXISTS (SELECT 1 FROM registry_campaign_item i WHERE i.campaign_id = c.id AND ${itemsIn}))`,
    );
  const [rows, total] = await Promise.all([
    base
      .innerJoin('org_node as n', 'n.id', 'c.node_id')
      .select([
        'c.id',
        'c.name',
        'c.node_id',
        'n.name as node_name',
        'c.created_at',
        sql<number>`(SELECT count(*) FROM registry_campaign_item i WHERE i.campaign_id = c.id AND ${itemsIn})`.as(
          'total',
        ),
        sql<number>`(SELECT count(*) FROM registry_campaign_item i WHERE i.campaign_id = c.id AND i.status = 'pending' AND ${itemsIn})`.as(
          'pending',
        ),
        sql<number>`(SELECT count(*) FROM registry_campaign_item i WHERE i.campaign_id = c.id AND i.status = 'confirmed' AND ${itemsIn})`.as(
          'confirmed',
        ),
        sql<number>`(SELECT count(*) FROM registry_campaign_item i WHERE i.campaign_id = c.id AND i.status = 'changed' AND ${itemsIn})`.as(
          'changed',
        ),
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

const ITEM = [
  'i.community_id',
  'i.campaign_id',
  'c.name as campaign_name',
  'i.person_id',
  'i.place_path',
  'i.status',
  'i.done_at',
  'i.version',
] as const;

export async function itemsIn(
  tx: Db,
  scopes: string[],
  f: { campaignId?: string; status?: string; limit: number; offset: number },
) {
  const base = r(tx)
    .selectFrom('registry_campaign_item as i')
    .innerJoin('registry_campaign as c', 'c.id', 'i.campaign_id')
    .where(under('i.place_path', scopes))
    .$if(!!f.campaignId, (q) => q.where('i.campaign_id', '=', f.campaignId!))
    .$if(!!f.status, (q) => q.where('i.status', '=', f.status!));
  const [rows, total] = await Promise.all([
    base
      .select([...ITEM])
      .orderBy(sql`i.status = 'pending'`, 'desc')
      .orderBy('i.place_path')
      .orderBy('i.person_id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export const itemOf = (tx: Db, campaignId: string, personId: string) =>
  r(tx)
    .selectFrom('registry_campaign_item as i')
    .innerJoin('registry_campaign as c', 'c.id', 'i.campaign_id')
    .select([...ITEM])
    .where('i.campaign_id', '=', campaignId)
    .where('i.person_id', '=', personId)
    .executeTakeFirst();

export async function markItem(
  tx: Db,
  k: { community_id: string; campaign_id: string; person_id: string },
  version: number,
  set: { status: string; done_by: string; done_at: Date },
) {
  const res = await r(tx)
    .updateTable('registry_campaign_item')
    .set({ ...set, version: version + 1 })
    .where('community_id', '=', k.community_id)
    .where('campaign_id', '=', k.campaign_id)
    .where('person_id', '=', k.person_id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
