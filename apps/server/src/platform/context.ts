import { type Action, type Actor, can } from '@linli/contracts';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import type { LoadedGrant } from './access/actor.ts';
import type { AuditInput } from './audit/audit.ts';
import type { Clock } from './clock.ts';
import type { Keys } from './crypto/keys.ts';
import type { Db } from './db/engine.ts';
import type { Lang } from './i18n/messages.ts';
import type { DomainEvent } from './outbox/outbox.ts';

export interface SessionUser {
  id: string;
  name: string;
  phone: string;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
  idleMinutes: number;
  expiresAt: Date;
}

/** Services shared by every request and job: configuration, keys and the clock. */
export interface Platform {
  config: Config;
  keys: Keys;
  clock: Clock;
  engine: string;
  /** Demo accounts still using the published demo password (the server warns while any remain). */
  demoAccounts: Set<string>;
}

/** What a handler gets: its transaction, who is calling and the platform services. */
export interface Ctx extends Platform {
  tx: Db;
  now: Date;
  lang: Lang;
  requestId: string;
  ip: string;
  userAgent: string | null;
  reply: FastifyReply;
  user: SessionUser | null;
  session: SessionInfo | null;
  grants: LoadedGrant[];
  actor: Actor | null;
  /** Audit entry in this request's transaction (actor, role, time, IP and request id filled in). */
  audit(entry: AuditInput): Promise<void>;
  /** Domain event in this request's transaction (outbox). */
  emit(event: DomainEvent): Promise<void>;
  /** Throws 404 unless the actor may take the action on a resource at this path. */
  authorize(action: Action, path: string): void;
  can(action: Action, path: string): boolean;
}

export const allowed = (actor: Actor | null, action: Action, path: string) => can(actor, action, { path });
