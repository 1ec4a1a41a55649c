export * from './chain.ts';
export * from './thresholds.ts';
