import { describe, expect, it } from 'vitest';
import { migrationFiles } from '../db/migrate.ts';
import { PROBLEMS } from '../i18n/messages.ts';
import { uniqueViolationCode } from './unique-violations.ts';

describe('unique violations from a race', () => {
  it('name what collided, in words a user understands', () => {
    expect(uniqueViolationCode('join_application_one_per_person')).toBe('already_applied');
    expect(uniqueViolationCode('app_user_phone_key')).toBe('phone_registered');
    expect(uniqueViolationCode('something_new')).toBe('conflict');
    expect(uniqueViolationCode(undefined)).toBe('conflict');
  });

  it('map only constraints the migrations define, to codes that have messages', () => {
    const sql = migrationFiles()
      .map((f) => f.sql)
      .join('\n');
    for (const name of ['join_application_one_per_person', 'org_node_code']) expect(sql).toContain(name);
    // Implicit names PostgreSQL gives: <table>_<columns>_key.
    expect(sql).toMatch(/CREATE TABLE app_user[\s\S]*phone\s+text NOT NULL UNIQUE/);
    expect(sql).toMatch(/CREATE TABLE case_category[\s\S]*code\s+text NOT NULL UNIQUE/);
    expect(sql).toMatch(/UNIQUE \(user_id, role, node_id\)/);
    for (const c of ['join_application_one_per_person', 'app_user_phone_key', 'conflict', 'grant_exists', 'code_taken'])
      expect(PROBLEMS[uniqueViolationCode(c)]).toBeDefined();
  });
});
