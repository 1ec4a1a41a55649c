/** Sentences of data collection notifications (docs/adr/0015-data-collection-forms.md), both languages. */
import type { Lang } from '../../platform/i18n/messages.ts';

type Params = Record<string, string | number | undefined>;
type Kind = 'form.assigned' | 'form.reminder' | 'form.urged' | 'form.overdue' | 'form.corrections' | 'form.reopened';
const s = (v: string | number | undefined) => (v === undefined || v === null ? '' : String(v));
/** Beijing wall-clock time (+08:00), as the notifications module writes due times (no import: it imports us). */
const formatDue = (v: string | number) =>
  new Date(new Date(v).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const zhDue = (p: Params) => (p.due ? `（截止 ${formatDue(p.due)}）` : '');
const enDue = (p: Params) => (p.due ? ` (due ${formatDue(p.due)})` : '');

export const FORM_TEMPLATES: Record<Kind, Record<Lang, (p: Params) => string>> = {
  'form.assigned': {
    'zh-CN': (p) =>
      `新的数据采集任务《${s(p.title)}》${Number(p.count) > 1 ? `（${s(p.count)} 份）` : ''}，请按时填报${zhDue(p)}`,
    en: (p) =>
      `New data collection task “${s(p.title)}”${Number(p.count) > 1 ? ` (${s(p.count)})` : ''}; please fill it in${enDue(p)}`,
  },
  'form.reminder': {
    'zh-CN': (p) => `数据采集《${s(p.title)}》即将截止，还有 ${s(p.count)} 份未提交，请尽快填报${zhDue(p)}`,
    en: (p) => `Data collection “${s(p.title)}” is nearly due: ${s(p.count)} not submitted yet${enDue(p)}`,
  },
  'form.urged': {
    'zh-CN': (p) => `${s(p.by)}催办数据采集《${s(p.title)}》（${s(p.target)}），请尽快填报${zhDue(p)}`,
    en: (p) => `${s(p.by)} asks for data collection “${s(p.title)}” (${s(p.target)}); please fill it in${enDue(p)}`,
  },
  'form.overdue': {
    'zh-CN': (p) => `数据采集《${s(p.title)}》已过截止时间，${s(p.count)} 个对象逾期未报：${s(p.targets)}`,
    en: (p) =>
      `Data collection “${s(p.title)}” is past its deadline; ${s(p.count)} target(s) have not reported: ${s(p.targets)}`,
  },
  'form.reopened': {
    'zh-CN': (p) => `数据采集《${s(p.title)}》（${s(p.target)}）已被发起方退回，请修改后重新提交`,
    en: (p) =>
      `Data collection “${s(p.title)}” (${s(p.target)}) was returned by the requester; please revise and resubmit`,
  },
  'form.corrections': {
    'zh-CN': (p) => `${s(p.target)}在数据采集《${s(p.title)}》中更正了 ${s(p.count)} 项数据库数据，请确认`,
    en: (p) => `${s(p.target)} corrected ${s(p.count)} registry value(s) in “${s(p.title)}”; please confirm them`,
  },
};
