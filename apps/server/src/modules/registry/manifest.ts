import { api } from '@linli/contracts';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as campaigns from './campaigns.ts';
import { exportDecidedSubscriber, exportRequestedSubscriber } from './export-notify.ts';
import * as exports from './exports.ts';
import * as households from './households.ts';
import { importJob } from './import-job.ts';
import * as imports from './imports.ts';
import { initialsJob } from './initials-job.ts';
import * as outreach from './outreach.ts';
import { policyCreatedSubscriber } from './outreach-notify.ts';
import * as people from './people.ts';
import { placesRoutes } from './places-routes.ts';
import * as rooms from './rooms.ts';
import { stats } from './stats.ts';
import * as tags from './tags.ts';
import { transferRoutes, transferSubscribers } from './transfer-routes.ts';

/** The resident registry (居民信息库) and policy outreach (政策找人); see docs/adr/0009-registry.md. */
export const registryModule: ModuleManifest = {
  name: 'registry',
  routes: [
    route(api.registry.listPeople, (ctx, { query }) => people.list(ctx, query)),
    route(api.registry.getPerson, (ctx, { params }) => people.get(ctx, params.id)),
    route(api.registry.createPerson, (ctx, { body }) => people.create(ctx, body)),
    route(api.registry.updatePerson, (ctx, { params, body }) => people.update(ctx, params.id, body)),
    route(api.registry.revealPersonId, (ctx, { params, body }) => people.revealId(ctx, params.id, body.purpose)),
    route(api.registry.personHistory, (ctx, { params }) => people.history(ctx, params.id)),
    route(api.registry.setPersonTag, (ctx, { params, body }) => tags.set(ctx, params.id, params.code, body)),
    route(api.registry.removePersonTag, (ctx, { params, query }) =>
      tags.remove(ctx, params.id, params.code, query.reason),
    ),
    route(api.registry.getRoom, (ctx, { params }) => rooms.get(ctx, params.id)),
    route(api.registry.moveHousehold, (ctx, { params, body }) => households.move(ctx, params.id, body)),
    route(api.registry.putHousing, (ctx, { params, body }) => rooms.putHousing(ctx, params.id, body)),
    route(api.registry.listTags, (ctx) => tags.list(ctx)),
    route(api.registry.updateTag, (ctx, { params, body }) => tags.update(ctx, params.code, body)),
    route(api.registry.registryStats, (ctx, { query }) => stats(ctx, query.nodeId)),
    route(api.registryCampaigns.createCampaign, (ctx, { body }) => campaigns.create(ctx, body)),
    route(api.registryCampaigns.listCampaigns, (ctx, { query }) => campaigns.list(ctx, query)),
    route(api.registryCampaigns.campaignItems, (ctx, { query }) => campaigns.items(ctx, query)),
    route(api.registryCampaigns.confirmItem, (ctx, { params, body }) =>
      campaigns.confirm(ctx, params.campaignId, params.personId, body),
    ),
    route(api.registryOutreach.previewPolicy, (ctx, { body }) => outreach.preview(ctx, body), { readOnly: true }),
    route(api.registryOutreach.createPolicy, (ctx, { body }) => outreach.create(ctx, body)),
    route(api.registryOutreach.listPolicies, (ctx, { query }) => outreach.list(ctx, query)),
    route(api.registryOutreach.policyCoverage, (ctx, { params }) => outreach.coverage(ctx, params.id)),
    route(api.registryOutreach.listOutreach, (ctx, { query }) => outreach.tasks(ctx, query)),
    route(api.registryOutreach.recordOutcome, (ctx, { params, body }) =>
      outreach.record(ctx, params.policyId, params.personId, body),
    ),
    // The file is stored and read once before the transaction opens (CPU work must not hold PGlite's one connection).
    route(api.registryImports.uploadRegistryImport, (ctx, { pre }) => imports.upload(ctx, pre as never), {
      raw: {
        contentTypes: [...api.registryImports.REGISTRY_IMPORT_TYPES],
        maxBytes: api.registryImports.MAX_REGISTRY_IMPORT_BYTES,
      },
      before: (_db, p, { body }) => imports.sniff(p.config.dataDir, body),
    }),
    route(
      api.registryImports.uploadRegistryImportPart,
      (ctx, { query, body }) => imports.uploadPart(ctx, query, body as unknown as Buffer),
      {
        raw: {
          contentTypes: [...api.registryImports.REGISTRY_IMPORT_TYPES],
          maxBytes: api.registryImports.MAX_IMPORT_PART_BYTES,
        },
      },
    ),
    route(api.registryImports.finishRegistryImportUpload, (ctx, { params }) => imports.finishUpload(ctx, params.id)),
    route(api.registryImports.runRegistryImport, (ctx, { params, body }) => imports.run(ctx, params.id, body)),
    route(api.registryExports.requestExport, (ctx, { body }) => exports.request(ctx, body)),
    route(api.registryExports.listExports, (ctx) => exports.mine(ctx)),
    route(api.registryExports.exportsToDecide, (ctx) => exports.toDecide(ctx)),
    route(api.registryExports.decideExport, (ctx, { params, body }) => exports.decide(ctx, params.id, body)),
    route(api.registryExports.downloadExport, (ctx, { params }) => exports.download(ctx, params.id)),
    route(api.registryImports.getRegistryImport, (ctx, { params }) => imports.get(ctx, params.id)),
    route(api.registryImports.registryImportErrors, (ctx, { params, query }) => imports.errors(ctx, params.id, query)),
    ...transferRoutes,
    ...placesRoutes,
  ],
  subscribers: [policyCreatedSubscriber, ...transferSubscribers, exportRequestedSubscriber, exportDecidedSubscriber],
  jobs: [initialsJob, importJob],
};
