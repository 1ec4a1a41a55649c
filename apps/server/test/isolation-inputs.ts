/**
 * The isolation matrix's inputs: for every route, a request naming community A's objects (ids created in
 * isolation.test.ts). A route missing here fails the coverage test there.
 */
export interface Ids {
  district: string;
  A: string;
  gridA: string;
  emptyRoomA: string;
  applicationA: string;
  grantA: string;
  userA: string;
  attachmentA: string;
  caseA: string;
  buildingA: string;
  categorySQ06: string;
  photoA: string;
  personA: string;
  policyA: string;
  householdA: string;
  campaignA: string;
  noticeA: string;
  postA: string;
  commentA: string;
  postCaseA: string;
  wordA: string;
  webhookA: string;
  guideA: string;
}
export type Input = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };

/** Inputs naming community A's objects; a route missing here fails the coverage test below. */
export const INPUTS: Record<string, (ids: Ids) => Input> = {
  'auth.logout': () => ({}),
  'auth.me': () => ({}),
  'auth.changePassword': () => ({ body: { currentPassword: 'Linli@2026', newPassword: 'Other#Pass2026' } }),
  'org.orgTree': () => ({}),
  'org.orgNode': (i) => ({ params: { id: i.A } }),
  'org.createNode': (i) => ({ body: { parentId: i.A, type: 'grid', name: '越界网格' } }),
  'org.updateNode': (i) => ({ params: { id: i.gridA }, body: { version: 1, name: '越界改名' } }),
  'org.deleteNode': (i) => ({ params: { id: i.emptyRoomA } }),
  'join.myApplications': () => ({}),
  'notifications.listNotifications': () => ({}),
  'notifications.unreadCount': () => ({}),
  'notifications.markRead': () => ({ body: { all: true } }),
  'join.listApplications': () => ({}),
  'join.getApplication': (i) => ({ params: { id: i.applicationA } }),
  'join.approveApplication': (i) => ({ params: { id: i.applicationA }, body: { version: 1 } }),
  'join.rejectApplication': (i) => ({ params: { id: i.applicationA }, body: { version: 1, reason: '越界驳回' } }),
  'join.revealApplicationId': (i) => ({ params: { id: i.applicationA }, body: { purpose: '越界查看' } }),
  'join.getJoinLink': (i) => ({ params: { id: i.A } }),
  'join.rotateJoinLink': (i) => ({ params: { id: i.A } }),
  'join.joinQr': (i) => ({ params: { id: i.A, format: 'png' } }),
  'people.listPeople': () => ({}),
  'people.createStaff': (i) => ({
    body: {
      name: '越界账号',
      phone: '13512345678',
      initialPassword: 'Init#Pass2026',
      role: 'grid_worker',
      nodeId: i.gridA,
    },
  }),
  'people.addGrant': (i) => ({ body: { userId: i.userA, role: 'microgrid_volunteer', nodeId: i.gridA } }),
  'people.revokeGrant': (i) => ({ params: { id: i.grantA } }),
  'audit.searchAudit': () => ({}),
  'community.communityHome': (i) => ({ params: { id: i.A } }),
  // Categories are shared reference data (no community's rows); writes are the district admin's alone.
  'categories.listCategories': () => ({}),
  // The district calendar is public within the platform; only the district admin replaces it.
  'calendar.getCalendar': (i) => ({ params: { id: i.district } }),
  'calendar.putCalendar': (i) => ({
    params: { id: i.district },
    body: {
      version: 0,
      calendar: {
        timeZoneOffsetMinutes: 480,
        weekend: [0, 6],
        holidays: [],
        workdays: [],
        hours: [{ from: '09:00', to: '17:00' }],
      },
    },
  }),
  'categories.createCategory': () => ({
    body: { parentId: '1', code: 'SQ99', name: '越界新增', nameEn: 'Out of bounds' },
  }),
  'categories.updateCategory': () => ({ params: { id: '101' }, body: { version: 1, name: '越界改名' } }),
  // Anyone signed in may upload their own photos; only the uploader may fetch one back.
  'attachments.uploadAttachment': () => ({ body: {} }),
  'attachments.getAttachment': (i) => ({ params: { id: i.attachmentA } }),
  'cases.reportCase': (i) => ({
    body: { categoryId: i.categorySQ06, placeId: i.buildingA, description: '越界报事测试内容' },
  }),
  'cases.reportPlaces': (i) => ({ query: { communityId: i.A } }),
  'cases.listCases': () => ({}),
  // Departments are district reference data; a D cadre sees those serving their own street.
  'cases.caseDepartments': () => ({}),
  'cases.inboxCounts': () => ({}),
  'cases.myCases': () => ({}),
  'cases.publicCases': () => ({}),
  'cases.getCase': (i) => ({ params: { id: i.caseA } }),
  // API tokens (open platform): the district admin's alone; a token bound to community A.
  'apiTokens.listApiTokens': () => ({}),
  'apiTokens.createApiToken': (i) => ({ body: { name: '越界系统', nodeId: i.A, scopes: ['cases.read'] } }),
  'apiTokens.revokeApiToken': () => ({ params: { id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' } }),
  // Webhook subscriptions (open platform): the district admin's alone.
  'webhooks.listWebhooks': () => ({}),
  'webhooks.createWebhook': (i) => ({
    body: { name: '越界订阅', url: 'https://example.cn/hook', nodeId: i.A, events: ['case.created'] },
  }),
  'webhooks.setWebhookActive': (i) => ({
    params: { id: i.webhookA },
    body: { version: 1, active: false },
  }),
  'webhooks.listDeliveries': (i) => ({ params: { id: i.webhookA } }),
  'webhooks.redeliver': (i) => ({
    params: { id: i.webhookA, deliveryId: '7f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' },
  }),
  'cases.runCommand': (i) => ({ params: { id: i.caseA }, body: { version: 1, type: 'accept' } }),
  'cases.mergeCase': (i) => ({ params: { id: i.caseA }, body: { version: 1, targetId: i.caseA, targetVersion: 1 } }),
  'cases.bulkAccept': (i) => ({ body: { items: [{ id: i.caseA, version: 1 }] } }),
  'cases.duplicateSuggestions': (i) => ({ query: { categoryId: i.categorySQ06, placeId: i.buildingA } }),
  'cases.caseAttachment': (i) => ({ params: { id: i.caseA, attachmentId: i.photoA } }),
  'caseRates.caseRates': () => ({}),
  'caseMap.caseMap': () => ({}),
  // Street-level work: only street cadres and the district admin import (a community's cadres get 403).
  'caseImports.uploadImport': () => ({ body: {} }),
  'caseImports.runImport': (i) => ({
    params: { id: '00000000-0000-4000-8000-000000000001' },
    body: {
      mapping: { externalNo: '工单编号', description: '诉求内容', address: '地址' },
      streetId: i.district,
      defaultCategoryId: i.categorySQ06,
    },
  }),
  'caseLinks.getCaseLink': (i) => ({ params: { placeId: i.buildingA } }),
  'caseLinks.rotateCaseLink': (i) => ({ params: { placeId: i.buildingA } }),
  'caseLinks.caseLinkQr': (i) => ({ params: { placeId: i.buildingA, format: 'png' } }),
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
  'registryOutreach.recordOutcome': (i) => ({
    params: { policyId: i.policyA, personId: i.personA },
    body: { version: 1, outcome: 'informed' },
  }),
  'notices.listNotices': () => ({}),
  'notices.managedNotices': () => ({}),
  'notices.getNotice': (i) => ({ params: { id: i.noticeA } }),
  'notices.createNotice': (i) => ({ body: { nodeId: i.A, category: 'notice', title: '越界公告', body: '越界' } }),
  'notices.updateNotice': (i) => ({ params: { id: i.noticeA }, body: { version: 1, title: '越界改名' } }),
  'notices.markNoticeRead': (i) => ({ params: { id: i.noticeA }, body: { confirm: true } }),
  'notices.noticeReadRate': (i) => ({ params: { id: i.noticeA } }),
  'notices.noticeAttachment': (i) => ({ params: { id: i.noticeA, attachmentId: i.attachmentA } }),
  'boards.communityFeed': (i) => ({ params: { id: i.A } }),
  'boards.markFeedSeen': (i) => ({ params: { id: i.A } }),
  'boards.listPosts': (i) => ({ params: { id: i.A } }),
  'boards.createPost': (i) => ({
    params: { id: i.A },
    body: { board: 'local', kind: 'matter', title: '越界发帖', body: '越界' },
  }),
  'boards.getPost': (i) => ({ params: { id: i.postA } }),
  'boards.updatePost': (i) => ({ params: { id: i.postA }, body: { version: 2, title: '越界改名' } }),
  'boards.stepPost': (i) => ({ params: { id: i.postA }, body: { version: 2, step: 'take' } }),
  'boards.commentPost': (i) => ({ params: { id: i.postA }, body: { body: '越界评论' } }),
  'boards.likePost': (i) => ({ params: { id: i.postA }, body: { liked: true } }),
  'boards.reportPost': (i) => ({ params: { id: i.postA }, body: { reason: '越界举报' } }),
  'boards.followPost': (i) => ({ params: { id: i.postA }, body: { following: true } }),
  'boards.moderatePost': (i) => ({ params: { id: i.postA }, body: { action: 'hide', reason: '越界隐藏' } }),
  'boards.moderateComment': (i) => ({
    params: { id: i.postA, commentId: i.commentA },
    body: { action: 'hide', reason: '越界隐藏' },
  }),
  'boards.convertPost': (i) => ({ params: { id: i.postA }, body: { version: 2, categoryId: i.categorySQ06 } }),
  'boards.postOfCase': (i) => ({ params: { caseId: i.postCaseA } }),
  'boards.postAttachment': (i) => ({ params: { id: i.postA, attachmentId: i.attachmentA } }),
  'boards.moderationQueue': () => ({}),
  'boards.listWords': () => ({}),
  'boards.addWords': (i) => ({ body: { nodeId: i.A, words: ['越界词'] } }),
  'boards.removeWord': (i) => ({ params: { id: i.wordA } }),
  'guides.listGuides': () => ({}),
  'guides.getGuide': (i) => ({ params: { id: i.guideA } }),
  'guides.createGuide': (i) => ({
    body: {
      nodeId: i.A,
      category: 'other',
      title: '越界指南',
      audience: '越界',
      materials: [],
      steps: [],
      place: '',
      hours: '',
      fees: '',
      onlineUrl: null,
      faqs: [],
    },
  }),
  'guides.updateGuide': (i) => ({ params: { id: i.guideA }, body: { version: 1, title: '越界改名' } }),
};
