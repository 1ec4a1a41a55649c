import type { PGlite } from '@electric-sql/pglite';

interface QueryResultLike {
  command: string;
  rowCount: number;
  rows: unknown[];
}

export interface PoolClientLike {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResultLike>;
  release(): void;
}

/**
 * Presents one PGlite instance as a node-postgres Pool so Kysely's PostgresDialect drives both
 * engines. PGlite is a single backend, so the "pool" hands out one client at a time: a request's
 * transaction owns the database until it releases it, which keeps transactions isolated.
 */
export class PGlitePool {
  private queue: (() => void)[] = [];
  private busy = false;

  constructor(readonly pg: PGlite) {}

  async connect(): Promise<PoolClientLike> {
    if (this.busy) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.busy = true;
    let released = false;
    return {
      query: async (sql, params) => {
        const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
        // Without parameters use the simple protocol, which also runs multi-statement migration files.
        const res =
          params && params.length > 0
            ? await this.pg.query(sql, [...params])
            : ((await this.pg.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 });
        return { command, rowCount: res.affectedRows ?? res.rows.length, rows: res.rows };
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.queue.shift();
        if (next) next();
        else this.busy = false;
      },
    };
  }

  async end(): Promise<void> {
    await this.pg.close();
  }
}
