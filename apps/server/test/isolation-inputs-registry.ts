/** The isolation matrix's inputs for the resident registry's routes (see isolation-inputs.ts). */
import type { Ids, Input } from './isolation-inputs.ts';

export const REGISTRY_INPUTS: Record<string, (ids: Ids) => Input> = {
  // Resident registry: a person of A with an outreach task of the demo street policy, and an empty room of A.
  'registry.listPeople': () => ({}),
  'registry.getPerson': (i) => ({ params: { id: i.personA } }),
  'registry.createPerson': (i) => ({
    body: {
      roomId: i.emptyRoomA,
      name: '越界登记',
      idNumber: '110101199003074514',
      relation: 'head',
      residenceStatus: 'permanent',
    },
  }),
  'registry.updatePerson': (i) => ({
    params: { id: i.personA },
    body: { version: 1, reason: '越界修改', phone: null },
  }),
  'registry.revealPersonId': (i) => ({ params: { id: i.personA }, body: { purpose: '越界查看' } }),
  'registry.personHistory': (i) => ({ params: { id: i.personA } }),
  'registry.setPersonTag': (i) => ({
    params: { id: i.personA, code: 'volunteer' },
    body: { validFrom: '2025-01-01', evidence: '越界设置' },
  }),
  'registry.removePersonTag': (i) => ({ params: { id: i.personA, code: 'volunteer' }, query: { reason: '越界删除' } }),
  'registry.getRoom': (i) => ({ params: { id: i.emptyRoomA } }),
  'registry.moveHousehold': (i) => ({
    params: { id: i.householdA },
    body: { version: 1, roomId: i.emptyRoomA, reason: '越界迁移' },
  }),
  // Transfers to another community: A's household cannot be seen (so not moved) from D; no transfer of A exists.
  'registryTransfer.startTransfer': (i) => ({
    params: { id: i.householdA },
    body: { version: 1, toCommunityId: i.A, reason: '越界迁出' },
  }),
  'registryTransfer.listTransfers': () => ({}),
  // Community names by a part of the name: nothing without one (no browsing the district).
  'registryTransfer.transferDestinations': () => ({}),
  'registryTransfer.acceptTransfer': (i) => ({
    params: { id: '00000000-0000-4000-8000-000000000062' },
    body: { version: 1, roomId: i.emptyRoomA },
  }),
  'registryTransfer.refuseTransfer': () => ({
    params: { id: '00000000-0000-4000-8000-000000000062' },
    body: { version: 1, reason: '越界拒收' },
  }),
  'registryTransfer.cancelTransfer': () => ({
    params: { id: '00000000-0000-4000-8000-000000000062' },
    body: { version: 1 },
  }),
  'registry.putHousing': (i) => ({
    params: { id: i.emptyRoomA },
    body: { version: 1, floorArea: 50, use: 'residential', ownership: 'vacant' },
  }),
  // The tag taxonomy is district reference data: readable by every registry role, changed by the district only.
  'registry.listTags': () => ({}),
  'registry.updateTag': () => ({ params: { code: 'volunteer' }, body: { version: 1, active: false } }),
  'registry.registryStats': () => ({}),
  // Update campaigns: a campaign of the street reaching A's people (the demo seeds none; created in beforeAll).
  'registryCampaigns.createCampaign': (i) => ({ body: { nodeId: i.A, name: '越界核实' } }),
  'registryCampaigns.listCampaigns': () => ({}),
  'registryCampaigns.campaignItems': () => ({}),
  'registryCampaigns.confirmItem': (i) => ({
    params: { campaignId: i.campaignA, personId: i.personA },
    body: { version: 1, personVersion: 1 },
  }),
  'registryOutreach.previewPolicy': (i) => ({ body: { nodeId: i.A, rule: { all: [{ age: { min: 0 } }] } } }),
  'registryOutreach.createPolicy': (i) => ({
    body: { nodeId: i.A, name: '越界政策', rule: { all: [{ age: { min: 0 } }] } },
  }),
  'registryOutreach.listPolicies': () => ({}),
  'registryOutreach.policyCoverage': (i) => ({ params: { id: i.policyA } }),
  'registryOutreach.listOutreach': () => ({}),
  // Imports are the uploader's own (another user's id is 404); the community must be the caller's.
  'registryImports.uploadRegistryImport': () => ({ body: {} }),
  'registryImports.runRegistryImport': (i) => ({
    params: { id: '00000000-0000-4000-8000-000000000002' },
    body: { communityId: i.A, mapping: { name: '姓名', idNumber: '身份证号', room: '房号' }, mode: 'valid_only' },
  }),
  'registryImports.uploadRegistryImportPart': () => ({ query: { offset: '0' }, body: {} }),
  'registryImports.finishRegistryImportUpload': (i) => ({ params: { id: i.importA } }),
  'registryImports.getRegistryImport': (i) => ({ params: { id: i.importA } }),
  'registryImports.registryImportErrors': (i) => ({ params: { id: i.importA } }),
  // Exports: an area of A (the D cadre may not ask for it), someone else's request id (404).
  'registryExports.requestExport': (i) => ({ body: { nodeId: i.A, columns: ['name'], reason: '越界导出名单' } }),
  'registryExports.listExports': () => ({}),
  'registryExports.exportsToDecide': () => ({}),
  'registryExports.decideExport': (i) => ({ params: { id: i.exportA }, body: { version: 1, approve: false } }),
  'registryExports.downloadExport': (i) => ({ params: { id: i.exportA } }),
  'registryOutreach.recordOutcome': (i) => ({
    params: { policyId: i.policyA, personId: i.personA },
    body: { version: 1, outcome: 'informed' },
  }),
  // Organisations and compound profiles (ADR 0009): a demo organisation of A and A's first building.
  'registryPlaces.listOrganisations': () => ({}),
  'registryPlaces.getOrganisation': (i) => ({ params: { id: i.organisationA } }),
  'registryPlaces.createOrganisation': (i) => ({ body: { kind: 'shop', name: '越界商铺', nodeId: i.gridA } }),
  'registryPlaces.updateOrganisation': (i) => ({
    params: { id: i.organisationA },
    body: { version: 1, name: '越界改名' },
  }),
  'registryPlaces.deleteOrganisation': (i) => ({ params: { id: i.organisationA }, query: { version: '1' } }),
  'registryPlaces.listCompounds': () => ({}),
  'registryPlaces.getCompound': (i) => ({ params: { nodeId: i.buildingA } }),
  'registryPlaces.putCompound': (i) => ({
    params: { nodeId: i.buildingA },
    body: { version: 1, management: 'none', entrances: [], facilities: [], providers: [] },
  }),
};
