export * from './actors.ts';
export * from './apply.ts';
export * from './commands.ts';
export * from './guards.ts';
export * from './invariants.ts';
export * from './states.ts';
export * from './validate.ts';
