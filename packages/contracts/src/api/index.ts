export * as audit from './audit.ts';
export * as auth from './auth.ts';
export * from './common.ts';
export * as community from './community.ts';
export * as health from './health.ts';
export * as join from './join.ts';
export * as org from './org.ts';
export * as people from './people.ts';
export * from './route.ts';
