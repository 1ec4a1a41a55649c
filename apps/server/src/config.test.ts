import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('defaults to 127.0.0.1:3000, ./data and demo data on the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, demo: true, staffIdleMinutes: 30 });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('never loads demo data on a PostgreSQL server unless asked for', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/linli' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/linli', LINLI_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ LINLI_DEMO: 'false' }).demo).toBe(false);
  });

  it('refuses nonsense numbers instead of running with them', () => {
    expect(() => loadConfig({ PORT: 'http' })).toThrow(/PORT/);
    expect(() => loadConfig({ LINLI_STAFF_IDLE_MINUTES: '-5' })).toThrow(/LINLI_STAFF_IDLE_MINUTES/);
    expect(loadConfig({ LINLI_PUBLIC_URL: 'https://linli.example.cn/' }).publicUrl).toBe('https://linli.example.cn');
  });

  it('trusts proxy headers only when told how many proxies there are', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ LINLI_TRUST_PROXY: '1' }).trustProxyHops).toBe(1);
  });
});
