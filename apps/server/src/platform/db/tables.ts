import type { ColumnType, Generated } from 'kysely';

/** Timestamps are written as Date and read as Date on both engines. */
type Ts = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface AuditLogTable {
  id: Generated<string>;
  at: Ts;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  node_id: string | null;
  node_path: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  ip: string | null;
  request_id: string | null;
  detail: Json | null;
}

export interface OutboxTable {
  id: Generated<string>;
  topic: string;
  payload: Json;
  community_id: string | null;
  created_at: Ts;
  published_at: Ts | null;
  attempts: Generated<number>;
  available_at: Ts;
  last_error: string | null;
}

/** The shared org tree (a small reference table every module may read through the org service). */
export interface OrgNodeTable {
  id: string;
  parent_id: string | null;
  type: string;
  kind: string | null;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  community_id: string | null;
  sort_key: Generated<number>;
  version: Generated<number>;
  created_at: Ts;
  updated_at: Ts;
}

export interface DepartmentTable {
  id: string;
  district_id: string;
  name: string;
  code: string;
}

export interface DepartmentStreetTable {
  department_id: string;
  street_id: string;
}

export interface AppUserTable {
  id: string;
  phone: string;
  name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Ts | null;
  last_login_at: Ts | null;
  password_changed_at: Ts;
  created_at: Ts;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  idle_minutes: number;
  created_at: Ts;
  last_seen_at: Ts;
  ip: string | null;
  user_agent: string | null;
}

export interface RoleGrantTable {
  id: string;
  user_id: string;
  role: string;
  node_id: string;
  department_id: string | null;
  granted_by: string | null;
  created_at: Ts;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Ts;
}

export interface PlatformTables {
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  org_node: OrgNodeTable;
  department: DepartmentTable;
  department_street: DepartmentStreetTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  role_grant: RoleGrantTable;
  schema_migration: SchemaMigrationTable;
}
