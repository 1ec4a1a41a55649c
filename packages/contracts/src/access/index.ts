export * from './can.ts';
export * from './grant-rules.ts';
