import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Measurement, Settings } from './measure.ts';

export interface Scenario {
  name: string;
  linli: Measurement;
  baselines: Measurement[];
  /** The Linli route with one connection, when measured. */
  solo?: Measurement;
}

/** A figure the issue sets a target for. */
export interface Target {
  what: string;
  value: number;
  target: string;
  ok: boolean;
}

/** Rows per table at one point of the run. */
export interface DataPoint {
  label: string;
  rows: Record<string, number>;
}

export interface Report {
  at: string;
  engine: string;
  database: string;
  node: string;
  cpu: string;
  cores: number;
  settings: Settings;
  /** 1-minute load average before and after the runs: other work on the machine skews the figures. */
  loadAverage: { before: number; after: number };
  workload: Record<string, string | number>;
  /** Rows per table before each phase's runs and at the end. */
  data: DataPoint[];
  scenarios: (Scenario & { ratios: Record<string, number> })[];
  targets: Target[];
  failures: string[];
}

/** Linli's throughput as a share of the baseline's (1 = as fast as the bare route). */
const ratio = (linli: Measurement, base: Measurement) =>
  base.reqPerSec > 0 ? Math.round((linli.reqPerSec / base.reqPerSec) * 1000) / 1000 : 0;

export function buildReport(
  meta: {
    engine: string;
    database: string;
    settings: Settings;
    loadBefore: number;
    workload: Record<string, string | number>;
  },
  data: DataPoint[],
  scenarios: Scenario[],
  targets: Target[] = [],
): Report {
  const all = scenarios.flatMap((s) => [s.linli, ...(s.solo ? [s.solo] : []), ...s.baselines]);
  const failures = all
    .filter((m) => m.errors + m.non2xx > 0)
    .map((m) => `${m.name}: ${m.errors} errors, ${m.non2xx} non-2xx (status codes ${JSON.stringify(m.statusCodes)})`);
  return {
    at: new Date().toISOString(),
    engine: meta.engine,
    database: meta.database,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    settings: meta.settings,
    loadAverage: { before: meta.loadBefore, after: Math.round(loadavg()[0]! * 100) / 100 },
    workload: meta.workload,
    data,
    scenarios: scenarios.map((s) => ({
      ...s,
      ratios: Object.fromEntries(s.baselines.map((b) => [b.name, ratio(s.linli, b)])),
    })),
    targets,
    failures,
  };
}

/** autocannon's latency histogram has 1 ms resolution. */
const ms = (v: number) => (v < 1 ? '<1' : String(Math.round(v)));

/** A markdown table whose columns are padded, so it reads well in a terminal too. */
function table(head: string[], rows: string[][], right: boolean[]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

export function markdown(r: Report): string {
  const rows = r.scenarios.flatMap((s) =>
    [s.linli, ...(s.solo ? [s.solo] : []), ...s.baselines].map((m) => [
      m.target === 'linli' ? `**${m.name}**` : m.target === 'solo' ? '↳ same route, 1 connection' : `↳ ${m.name}`,
      m.reqPerSec.toFixed(1),
      ms(m.p50),
      ms(m.p99),
      String(m.errors + m.non2xx),
      m.target === 'baseline' ? (s.ratios[m.name] ?? 0).toFixed(3) : '',
    ]),
  );
  const tables = [...new Set(r.data.flatMap((d) => Object.keys(d.rows)))].sort(
    (a, b) => (r.data.at(-1)!.rows[b] ?? 0) - (r.data.at(-1)!.rows[a] ?? 0) || a.localeCompare(b),
  );
  const sizes = tables.map((t) => [
    t,
    ...r.data.map((d) => (d.rows[t] === undefined ? '' : d.rows[t]!.toLocaleString('en-US'))),
  ]);
  const targets = r.targets.map((t) => [
    t.what,
    t.value < 10 ? t.value.toFixed(3) : String(Math.round(t.value)),
    t.target,
    t.ok ? 'met' : '**missed**',
  ]);
  return [
    `## Linli benchmark — ${r.engine} (${r.database})`,
    '',
    `${r.at} · Node ${r.node} · ${r.cores} × ${r.cpu} · ${r.settings.duration} s per run after ` +
      `${r.settings.warmup} s warm-up · ${r.settings.connections} connections · ` +
      (r.settings.rounds > 1 ? `median of ${r.settings.rounds} rounds · ` : '') +
      `load average ${r.loadAverage.before} → ${r.loadAverage.after}`,
    '',
    Object.entries(r.workload)
      .map(([k, v]) => `- ${k}: ${v}`)
      .join('\n'),
    '',
    table(['route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'Linli/baseline'], rows, [
      false,
      true,
      true,
      true,
      true,
      true,
    ]),
    '',
    'Ratio = Linli req/s ÷ baseline req/s (1.000 = as fast as the bare route; 0.250 = a quarter of its throughput).',
    '',
    ...(targets.length > 0
      ? ['### Targets', '', table(['figure', 'value', 'target', ''], targets, [false, true, false, false]), '']
      : []),
    '### Data size (rows)',
    '',
    table(['table', ...r.data.map((d) => d.label)], sizes, [false, ...r.data.map(() => true)]),
    '',
    r.failures.length === 0
      ? '**0 errors, 0 non-2xx responses.**'
      : `**FAILED:**\n${r.failures.map((f) => `- ${f}`).join('\n')}`,
    '',
  ].join('\n');
}

/** `latest.json`, plus `latest-<engine>.json` so the two engines' last runs can be compared. */
export function writeJson(r: Report, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify(r, null, 2)}\n`;
  writeFileSync(`${dir}/latest-${r.engine}.json`, text);
  const file = `${dir}/latest.json`;
  writeFileSync(file, text);
  return file;
}
