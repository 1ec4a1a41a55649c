import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../context.ts';
import type { Db } from '../db/engine.ts';
import type { Job } from '../modules.ts';

/** Runs each job on its interval; a job's own logic reads time from the injected clock. */
export function startJobs(db: Db, p: Platform, jobs: readonly Job[], log: FastifyBaseLogger): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(db, p);
      } catch (err) {
        log.error({ err, job: job.name }, 'job failed');
      } finally {
        running = false;
      }
    };
    const t = setInterval(tick, job.everyMs);
    t.unref();
    setTimeout(tick, 1000).unref();
    return t;
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
