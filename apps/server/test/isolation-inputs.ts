/**
 * The isolation matrix's inputs: for every route, a request naming community A's objects (ids created in
 * isolation.test.ts). A route missing here fails the coverage test there.
 */
import { REGISTRY_INPUTS } from './isolation-inputs-registry.ts';
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
  /** The district admin's own registry import and approved export of A. */
  importA: string;
  exportA: string;
  noticeA: string;
  postA: string;
  commentA: string;
  postCaseA: string;
  wordA: string;
  webhookA: string;
  guideA: string;
  voteA: string;
  affiliationA: string;
  proposalA: string;
  delibCommentA: string;
  projectA: string;
  milestoneA: string;
  covenantA: string;
  formA: string;
  formTaskA: string;
  formPhotoA: string;
  /** A demo organisation of A (its compound is buildingA's). */
  organisationA: string;
}
export type Input = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };

/** Inputs naming community A's objects; a route missing here fails the coverage test below. */
export const INPUTS: Record<string, (ids: Ids) => Input> = {
  ...REGISTRY_INPUTS,
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
  // Single sign-on links (open platform): the district admin's alone; a staff account of community A.
  'sso.listSsoLinks': (i) => ({ query: { userId: i.userA } }),
  'sso.createSsoLink': (i) => ({ body: { userId: i.userA, subject: 'gov-越界' } }),
  'sso.deleteSsoLink': () => ({ body: { subject: 'gov-越界' } }),
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
  'notices.listNotices': () => ({}),
  'notices.managedNotices': () => ({}),
  'notices.getNotice': (i) => ({ params: { id: i.noticeA } }),
  'notices.createNotice': (i) => ({ body: { nodeId: i.A, category: 'notice', title: '越界公告', body: '越界' } }),
  'notices.updateNotice': (i) => ({ params: { id: i.noticeA }, body: { version: 1, title: '越界改名' } }),
  'notices.markNoticeRead': (i) => ({ params: { id: i.noticeA }, body: { confirm: true } }),
  'notices.noticeReadRate': (i) => ({ params: { id: i.noticeA } }),
  'notices.noticeAttachment': (i) => ({ params: { id: i.noticeA, attachmentId: i.attachmentA } }),
  'deliberation.listProposals': (i) => ({ params: { id: i.A } }),
  'deliberation.createProposal': (i) => ({
    params: { id: i.A },
    body: { title: '越界议题', background: '越界', question: '越界?', scopeKind: 'community' },
  }),
  'deliberation.getProposal': (i) => ({ params: { id: i.proposalA } }),
  'deliberation.proposalFile': (i) => ({ params: { id: i.proposalA, attachmentId: i.attachmentA } }),
  'deliberation.screeningQueue': () => ({}),
  'deliberation.screenProposal': (i) => ({ params: { id: i.proposalA }, body: { version: 1, decision: 'approve' } }),
  'deliberation.commentProposal': (i) => ({ params: { id: i.proposalA }, body: { stance: 'for', body: '越界' } }),
  'deliberation.hideComment': (i) => ({
    params: { id: i.proposalA, commentId: i.delibCommentA },
    body: { reason: '越界隐藏' },
  }),
  'deliberation.addMeeting': (i) => ({
    params: { id: i.proposalA },
    body: { heldOn: '2026-11-01', attendees: '越界', minutes: '越界' },
  }),
  'deliberation.summariseProposal': (i) => ({
    params: { id: i.proposalA },
    body: { version: 1, summary: '越界', close: true },
  }),
  'deliberation.createProject': (i) => ({
    params: { id: i.proposalA },
    body: { title: '越界', owner: '越界', plan: '越界', budgetFen: 1, milestones: [] },
  }),
  'deliberation.updateProject': (i) => ({ params: { id: i.projectA }, body: { version: 1, status: 'completed' } }),
  'deliberation.completeMilestone': (i) => ({ params: { id: i.projectA, milestoneId: i.milestoneA } }),
  'deliberation.addProgress': (i) => ({ params: { id: i.projectA }, body: { body: '越界进展' } }),
  'deliberation.followProject': (i) => ({ params: { id: i.projectA }, body: { following: true } }),
  'deliberation.evaluateProject': (i) => ({ params: { id: i.projectA }, body: { rating: 1 } }),
  'deliberation.listProjects': (i) => ({ params: { id: i.A } }),
  'deliberation.publishCovenant': (i) => ({ params: { id: i.proposalA }, body: { title: '越界', body: '越界' } }),
  'deliberation.reviseCovenant': (i) => ({
    params: { id: i.covenantA },
    body: { version: 1, title: '越界', body: '越界' },
  }),
  'deliberation.getCovenant': (i) => ({ params: { id: i.covenantA } }),
  'deliberation.acknowledgeCovenant': (i) => ({ params: { id: i.covenantA } }),
  'deliberation.listCovenants': (i) => ({ params: { id: i.A } }),
  'deliberation.supervision': () => ({}),
  'deliberation.scopeBuildings': (i) => ({ params: { id: i.A } }),
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
  'boards.proposePost': (i) => ({ params: { id: i.postA }, body: { version: 1, question: '越界议题' } }),
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
  'affiliations.applyAffiliation': (i) => ({
    params: { id: i.A },
    body: { kind: 'party', party: { partyOrg: '越界党组织', dual: false } },
  }),
  'affiliations.myAffiliations': () => ({}),
  'affiliations.withdrawAffiliation': (i) => ({ params: { id: i.affiliationA }, body: { version: 1 } }),
  'affiliations.listAffiliations': (i) => ({ params: { id: i.A }, query: { kind: 'party' } }),
  'affiliations.decideAffiliation': (i) => ({
    params: { id: i.affiliationA },
    body: { decision: 'approve', version: 1 },
  }),
  'votes.listVotes': (i) => ({ params: { id: i.A } }),
  'votes.createVote': (i) => ({
    params: { id: i.A },
    body: {
      title: '越界表决',
      question: '越界表决?',
      kind: 'yes_no',
      electorate: 'households',
      secret: false,
      changeable: false,
      proxyAllowed: true,
      preset: 'simple_majority',
      deadline: '2027-06-30T12:00:00+08:00',
    },
  }),
  'votes.getVote': (i) => ({ params: { id: i.voteA } }),
  'votes.openVote': (i) => ({ params: { id: i.voteA }, body: { version: 1 } }),
  'votes.closeVote': (i) => ({ params: { id: i.voteA }, body: { version: 2 } }),
  'votes.castBallot': (i) => ({ params: { id: i.voteA }, body: { choices: [0] } }),
  'votes.checkReceipt': (i) => ({ params: { id: i.voteA }, body: { receipt: '00000000000000000000000000000000' } }),
  'votes.voteChain': (i) => ({ params: { id: i.voteA } }),
  'forms.createForm': (i) => ({
    body: {
      ownerNodeId: i.A,
      title: '越界表单',
      fields: [{ key: 'n', label: '人数', type: 'number', binding: { kind: 'people' } }],
    },
  }),
  'forms.listForms': () => ({}),
  'forms.getForm': (i) => ({ params: { id: i.formA } }),
  'forms.updateForm': (i) => ({
    params: { id: i.formA },
    body: { version: 1, title: '越界修改', fields: [{ key: 'x', label: '越界', type: 'text' }] },
  }),
  'forms.formOverlap': (i) => ({
    body: { ownerNodeId: i.A, fields: [{ key: 'n', label: '户数', type: 'number' }] },
  }),
  'forms.sendForm': (i) => ({
    params: { id: i.formA },
    body: { version: 1, targetNodeIds: [i.gridA], deadline: '2027-06-30T12:00:00+08:00' },
  }),
  'forms.formBoard': (i) => ({ params: { id: i.formA } }),
  'forms.formRollup': (i) => ({ params: { id: i.formA } }),
  'forms.formExport': (i) => ({ params: { id: i.formA } }),
  'forms.formBurden': (i) => ({ params: { id: i.formA } }),
  'forms.burdenRanking': () => ({}),
  'forms.reopenTask': (i) => ({ params: { id: i.formTaskA }, body: { version: 1 } }),
  'forms.listTasks': () => ({}),
  'forms.getTask': (i) => ({ params: { id: i.formTaskA } }),
  'forms.saveTaskDraft': (i) => ({ params: { id: i.formTaskA }, body: { version: 1, answers: { x: '越界' } } }),
  'forms.submitTask': (i) => ({ params: { id: i.formTaskA }, body: { version: 1, answers: { x: '越界' } } }),
  'formFollowup.urgeTask': (i) => ({ params: { id: i.formTaskA } }),
  'formFollowup.listCorrections': () => ({}),
  'formFollowup.confirmCorrection': (i) => ({ params: { taskId: i.formTaskA, key: 'x' }, body: { taskVersion: 1 } }),
  'formFollowup.dismissCorrection': (i) => ({ params: { taskId: i.formTaskA, key: 'x' }, body: { taskVersion: 1 } }),
  'formPickers.taskPicker': (i) => ({ params: { id: i.formTaskA }, query: { kind: 'person' } }),
  'formPickers.taskPhoto': (i) => ({ params: { id: i.formTaskA, attachmentId: i.formPhotoA } }),
};
