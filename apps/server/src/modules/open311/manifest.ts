import type { ModuleManifest } from '../../platform/modules.ts';
import { open311Routes } from './http.ts';

/** Open311 GeoReport v2: plain routes under /open311/v2 (its own wire format), no /api routes. */
export const open311Module: ModuleManifest = {
  name: 'open311',
  routes: [],
  http: async (app, db, p) => {
    await app.register(open311Routes(db, p), { prefix: '/open311/v2' });
  },
};
