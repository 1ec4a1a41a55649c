/** The server's public surface for tools (bench, e2e) and embedding. */
export { buildApp } from './app.ts';
export { boot, type Linli } from './boot.ts';
export { type Config, loadConfig } from './config.ts';
export type { Clock } from './platform/clock.ts';
