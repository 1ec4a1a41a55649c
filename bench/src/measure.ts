import autocannon, { type Request } from 'autocannon';

export interface Settings {
  /** Seconds per measurement. */
  duration: number;
  /** Seconds of unrecorded load first, so the JIT and caches are warm. */
  warmup: number;
  connections: number;
  /** Times each Linli route and its baselines are measured in turn; figures are the medians. */
  rounds: number;
}

export interface Measurement {
  name: string;
  /** solo: the Linli route again with one connection (its latency without queueing). */
  target: 'linli' | 'baseline' | 'solo';
  url: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Socket errors, timeouts and non-2xx responses: any of them fails the run. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface Load {
  name: string;
  target: Measurement['target'];
  url: string;
  requests: Request[];
  /** Overrides the settings' connection count. */
  connections?: number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Runs autocannon against one route. The load generator runs in a worker thread so it does not share
 * the event loop with the servers it measures.
 */
export async function measure(load: Load, s: Settings): Promise<Measurement> {
  const r = await autocannon({
    url: load.url,
    title: load.name,
    connections: load.connections ?? s.connections,
    duration: s.duration,
    workers: 1,
    timeout: 30,
    requests: load.requests,
    ...(s.warmup > 0 ? { warmup: { connections: load.connections ?? s.connections, duration: s.warmup } } : {}),
  });
  const m: Measurement = {
    name: load.name,
    target: load.target,
    url: load.url,
    requests: r.requests.total,
    reqPerSec: round(r.requests.average, 1),
    p50: round(r.latency.p50),
    p99: round(r.latency.p99),
    errors: r.errors + r.timeouts + r.resets,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, v]) => [code, v.count])),
  };
  const bad = m.errors + m.non2xx > 0 ? `  ✗ errors=${m.errors} non2xx=${m.non2xx}` : '';
  console.log(
    `  ${m.name.padEnd(52)} ${String(m.reqPerSec).padStart(9)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms${bad}`,
  );
  return m;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** One figure from several rounds of the same load: medians of the rates and percentiles, sums of the counts. */
export function combine(rounds: Measurement[]): Measurement {
  const first = rounds[0]!;
  if (rounds.length === 1) return first;
  const statusCodes: Record<string, number> = {};
  for (const m of rounds)
    for (const [code, n] of Object.entries(m.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const sum = (f: (m: Measurement) => number) => rounds.reduce((acc, m) => acc + f(m), 0);
  return {
    ...first,
    requests: sum((m) => m.requests),
    reqPerSec: round(median(rounds.map((m) => m.reqPerSec)), 1),
    p50: round(median(rounds.map((m) => m.p50))),
    p99: round(median(rounds.map((m) => m.p99))),
    errors: sum((m) => m.errors),
    non2xx: sum((m) => m.non2xx),
    statusCodes,
  };
}

/** A step: a Linli route and its baselines; `solo` also measures the route with a single connection. */
export interface MeasuredStep {
  name: string;
  linli: Load;
  baselines: Load[];
  solo?: boolean;
}

/** Measures each step's Linli route, then its baselines; over several rounds, alternating, with medians. */
export async function measureSteps(
  steps: MeasuredStep[],
  s: Settings,
): Promise<{ name: string; linli: Measurement; baselines: Measurement[]; solo?: Measurement }[]> {
  const loadsOf = (step: MeasuredStep): Load[] => [
    step.linli,
    ...(step.solo
      ? [{ ...step.linli, name: `${step.linli.name}, 1 connection`, target: 'solo' as const, connections: 1 }]
      : []),
    ...step.baselines,
  ];
  // Alternating Linli and its baselines round by round spreads drift in the machine's load over both.
  const runs = steps.map(() => [] as Measurement[][]);
  for (let round = 1; round <= s.rounds; round++) {
    if (s.rounds > 1) console.log(`round ${round} of ${s.rounds}`);
    for (const [i, step] of steps.entries()) {
      const got: Measurement[] = [];
      for (const load of loadsOf(step)) got.push(await measure(load, s));
      runs[i]!.push(got);
    }
  }
  return steps.map((step, i) => {
    const all = loadsOf(step).map((_, j) => combine(runs[i]!.map((r) => r[j]!)));
    return {
      name: step.name,
      linli: all[0]!,
      baselines: all.filter((m) => m.target === 'baseline'),
      ...(step.solo ? { solo: all[1]! } : {}),
    };
  });
}
