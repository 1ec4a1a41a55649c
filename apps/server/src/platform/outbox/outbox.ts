import type { Db } from '../db/engine.ts';

export interface DomainEvent {
  topic: string;
  payload: Record<string, unknown>;
  communityId?: string | null;
  /** Deliver no earlier than this (scheduled work such as SLA checks); default: at once. */
  availableAt?: Date;
}

/** Records a domain event in the caller's transaction; the dispatcher delivers it after commit. */
export async function emitEvent(tx: Db, at: Date, e: DomainEvent): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      topic: e.topic,
      payload: JSON.stringify(e.payload),
      community_id: e.communityId ?? null,
      created_at: at,
      available_at: e.availableAt ?? at,
    })
    .execute();
}
