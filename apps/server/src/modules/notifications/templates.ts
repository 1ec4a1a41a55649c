import type { api } from '@linli/contracts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { FORM_TEMPLATES } from '../forms/notify-templates.ts';
import { REGISTRY_TEMPLATES } from '../registry/notify-templates.ts';

type Kind = api.notifications.NotificationKind;
type Params = Record<string, string | number | undefined>;
type Render = (p: Params) => string;

const s = (v: string | number | undefined) => (v === undefined || v === null ? '' : String(v));

/** A due time as Beijing wall-clock time (China has one fixed offset, +08:00), e.g. 2026-11-26 17:30. */
export function formatDue(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const t = new Date(v);
  if (Number.isNaN(t.getTime())) return String(v);
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 「诉求 2026112400012（漏水渗水）」 and "case 2026112400012 (Leaks)". */
const zhCase = (p: Params) => `诉求 ${s(p.no)}${p.category ? `（${s(p.category)}）` : ''}`;
const enCase = (p: Params) => {
  const c = p.categoryEn ?? p.category;
  return `case ${s(p.no)}${c ? ` (${s(c)})` : ''}`;
};
const zhAt = (p: Params) => (p.place ? `，地点：${s(p.place)}` : '');
const enAt = (p: Params) => (p.place ? ` at ${s(p.place)}` : '');
const zhDue = (p: Params, label = '截止') => (p.due ? `（${label} ${formatDue(p.due)}）` : '');
const enDue = (p: Params, label = 'due') => (p.due ? ` (${label} ${formatDue(p.due)})` : '');
const zhWhy = (p: Params) => (p.reason ? `，原因：${s(p.reason)}` : '');
const enWhy = (p: Params) => (p.reason ? `: ${s(p.reason)}` : '');
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/**
 * One sentence per kind and language, so the console, the resident app and SMS all say the same thing.
 * Usual params: `no`, `category` (and `categoryEn`), `place`, `due` (ISO time); some kinds take more.
 */
export const TEMPLATES: Record<Kind, Record<Lang, Render>> = {
  'case.created': {
    'zh-CN': (p) => `新${zhCase(p)}${zhAt(p)}，请及时签收${zhDue(p)}`,
    en: (p) => `New ${enCase(p)}${enAt(p)}; please accept it${enDue(p)}`,
  },
  'case.accepted': {
    'zh-CN': (p) => `您的${zhCase(p)}已被签收`,
    en: (p) => `Your ${enCase(p)} was accepted`,
  },
  'case.resolved': {
    'zh-CN': (p) => `您的${zhCase(p)}已办理完毕，请查看结果并评价`,
    en: (p) => `Your ${enCase(p)} was resolved; please check the result and rate it`,
  },
  'case.closed': {
    'zh-CN': (p) => `${zhCase(p)}已办结`,
    en: (p) => `${cap(enCase(p))} was closed`,
  },
  'case.returned': {
    'zh-CN': (p) => `${zhCase(p)}被${p.department ? s(p.department) : '部门'}退回${zhWhy(p)}，请重新派遣`,
    en: (p) => `${cap(enCase(p))} was returned by ${p.department ? s(p.department) : 'a department'}${enWhy(p)}`,
  },
  'case.dispatched': {
    'zh-CN': (p) => `新派遣${zhCase(p)}${zhAt(p)}，请按时处置${zhDue(p)}`,
    en: (p) => `${cap(enCase(p))}${enAt(p)} was dispatched to you${enDue(p)}`,
  },
  'case.sent_back': {
    'zh-CN': (p) => `${zhCase(p)}被街道退回社区${zhWhy(p)}，请继续处理`,
    en: (p) => `The street sent ${enCase(p)} back to the community${enWhy(p)}`,
  },
  'case.escalated': {
    'zh-CN': (p) => `${zhCase(p)}${zhAt(p)}已上报，请处理${zhDue(p)}`,
    en: (p) => `${cap(enCase(p))}${enAt(p)} was escalated to you${enDue(p)}`,
  },
  'case.urged': {
    'zh-CN': (p) => `${zhCase(p)}被督办${p.by ? `（${s(p.by)}）` : ''}，请尽快处理${zhDue(p)}`,
    en: (p) => `${cap(enCase(p))} is being urged${p.by ? ` by ${s(p.by)}` : ''}; please act on it${enDue(p)}`,
  },
  'case.sla_yellow': {
    'zh-CN': (p) => `${zhCase(p)}即将超时${zhDue(p)}`,
    en: (p) => `${cap(enCase(p))} is nearly due${enDue(p)}`,
  },
  'case.sla_red': {
    'zh-CN': (p) => `${zhCase(p)}已超时${zhDue(p, '应于')}`,
    en: (p) => `${cap(enCase(p))} is overdue${enDue(p, 'was due')}`,
  },
  'case.auto_escalated': {
    'zh-CN': (p) => `${zhCase(p)}超时未签收，已自动上报`,
    en: (p) => `${cap(enCase(p))} was not accepted in time and moved up automatically`,
  },
  'case.summoned': {
    'zh-CN': (p) =>
      `${zhCase(p)}约请您参加现场会商${p.meetingAt ? `，时间：${formatDue(p.meetingAt)}` : ''}` +
      `${p.meetingPlace ? `，地点：${s(p.meetingPlace)}` : ''}`,
    en: (p) =>
      `You are invited to an on-site meeting on ${enCase(p)}` +
      `${p.meetingAt ? ` at ${formatDue(p.meetingAt)}` : ''}${p.meetingPlace ? `, ${s(p.meetingPlace)}` : ''}`,
  },
  'case.reopened': {
    'zh-CN': (p) => `${zhCase(p)}被诉求人重新打开${zhWhy(p)}，请继续处理`,
    en: (p) => `${cap(enCase(p))} was reopened by the reporter${enWhy(p)}`,
  },
  'case.rated': {
    'zh-CN': (p) => `${zhCase(p)}收到评价${p.score !== undefined ? `：${s(p.score)} 星` : ''}`,
    en: (p) => `${cap(enCase(p))} was rated${p.score !== undefined ? ` ${s(p.score)}/5` : ''}`,
  },
  'case.merged': {
    'zh-CN': (p) => `您的${zhCase(p)}已并入${p.into ? `诉求 ${s(p.into)} ` : '另一诉求'}合并办理`,
    en: (p) => `Your ${enCase(p)} was merged into ${p.into ? `case ${s(p.into)}` : 'another case'}`,
  },
  'case.needs_check': {
    'zh-CN': (p) => `${zhCase(p)}已处置完毕，请核查`,
    en: (p) => `${cap(enCase(p))} was handled; please check it`,
  },
  'outreach.assigned': {
    'zh-CN': (p) => `政策「${s(p.policy)}」为您的网格生成了 ${s(p.count)} 条走访任务，请逐一告知并登记结果`,
    en: (p) =>
      `Policy “${s(p.policy)}” created ${s(p.count)} outreach task(s) in your grid; inform each person and record the outcome`,
  },
  // Registry transfers between communities and exports (docs/adr/0009-registry.md).
  ...REGISTRY_TEMPLATES,
  // Data collection tasks (docs/adr/0015-data-collection-forms.md).
  ...FORM_TEMPLATES,
  'notice.must_read': {
    'zh-CN': (p) => `新的必读公告《${s(p.title)}》，请阅读后点「我已阅读」确认`,
    en: (p) => `New must-read notice “${s(p.title)}”; please read it and confirm`,
  },
  'party.checkin_decided': {
    'zh-CN': (p) =>
      p.decision === 'approve'
        ? `您在${s(p.community)}的党员报到已通过，可以在帖子上亮身份了`
        : `您在${s(p.community)}的党员报到未通过${p.reason ? `：${s(p.reason)}` : ''}`,
    en: (p) =>
      p.decision === 'approve'
        ? `Your party check-in at ${s(p.community)} was approved: you may show your party badge`
        : `Your party check-in at ${s(p.community)} was declined${p.reason ? `: ${s(p.reason)}` : ''}`,
  },
  'hometown.member_decided': {
    'zh-CN': (p) =>
      p.decision === 'approve'
        ? `欢迎回家！您已成为${s(p.community)}乡愁乡音成员`
        : `您加入${s(p.community)}乡愁乡音的申请未通过${p.reason ? `：${s(p.reason)}` : ''}`,
    en: (p) =>
      p.decision === 'approve'
        ? `Welcome home: you are now a hometown member of ${s(p.community)}`
        : `Your request to join ${s(p.community)}'s hometown board was declined${p.reason ? `: ${s(p.reason)}` : ''}`,
  },
  'board.commented': {
    'zh-CN': (p) => `您关注的帖子《${s(p.title)}》有新评论`,
    en: (p) => `New comment on “${s(p.title)}”, which you follow`,
  },
  // `decision`: approve | merge | reject; `reason` is the committee's public explanation.
  'deliberation.screened': {
    'zh-CN': (p) =>
      `您的议题《${s(p.title)}》${p.decision === 'approve' ? '已通过把关，进入协商' : p.decision === 'merge' ? '已并入其他议题' : '未通过把关'}${zhWhy(p)}`,
    en: (p) =>
      `Your proposal “${s(p.title)}” ${p.decision === 'approve' ? 'is open for consultation' : p.decision === 'merge' ? 'was merged into another' : 'was not accepted'}${enWhy(p)}`,
  },
  'deliberation.progress': {
    'zh-CN': (p) => `您关注的项目《${s(p.title)}》有新进展`,
    en: (p) => `The project “${s(p.title)}”, which you follow, has an update`,
  },
  'board.replied': {
    'zh-CN': (p) => `居委会回复了您的帖子《${s(p.title)}》`,
    en: (p) => `The committee replied to your post “${s(p.title)}”`,
  },
};

/** The sentence for a notification; a kind this server does not know still says which case it is about. */
export function renderText(kind: string, params: Params, lang: Lang): string {
  const t = TEMPLATES[kind as Kind];
  if (t) return t[lang](params);
  return lang === 'en' ? `${cap(enCase(params))}: ${kind}` : `${zhCase(params)}：${kind}`;
}
