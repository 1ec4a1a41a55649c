/** Sentences of the registry's own notifications (transfers between communities, exports), both languages. */
import type { Lang } from '../../platform/i18n/messages.ts';

type Params = Record<string, string | number | undefined>;
type Kind =
  | 'registry.transfer_incoming'
  | 'registry.transfer_decided'
  | 'registry.resident_moved'
  | 'registry.export_requested'
  | 'registry.export_decided';
const s = (v: string | number | undefined) => (v === undefined || v === null ? '' : String(v));

const zhStatus: Record<string, string> = { accepted: '已接收', refused: '被拒收', cancelled: '已撤回' };
const enStatus: Record<string, string> = { accepted: 'accepted', refused: 'refused', cancelled: 'withdrawn' };

export const REGISTRY_TEMPLATES: Record<Kind, Record<Lang, (p: Params) => string>> = {
  'registry.transfer_incoming': {
    'zh-CN': (p) => `${s(p.from)}申请将 ${s(p.address)}（${s(p.count)} 人）迁入本社区，请接收并安排户室或说明理由拒收`,
    en: (p) =>
      `${s(p.from)} asks to move the household at ${s(p.address)} (${s(p.count)} people) to your community; accept it into a room or refuse it`,
  },
  'registry.transfer_decided': {
    'zh-CN': (p) =>
      `${s(p.from)} ${s(p.address)} 迁往${s(p.to)}的申请${zhStatus[s(p.status)] ?? s(p.status)}${
        p.status === 'accepted' && p.toAddress ? `，新住址：${s(p.toAddress)}` : ''
      }${p.note ? `，理由：${s(p.note)}` : ''}`,
    en: (p) =>
      `The move of ${s(p.address)} (${s(p.from)}) to ${s(p.to)} was ${enStatus[s(p.status)] ?? s(p.status)}${
        p.status === 'accepted' && p.toAddress ? `; new address: ${s(p.toAddress)}` : ''
      }${p.note ? `: ${s(p.note)}` : ''}`,
  },
  'registry.resident_moved': {
    'zh-CN': (p) =>
      `您家已从${s(p.from)}迁入${s(p.to)}${p.toAddress ? `（${s(p.toAddress)}）` : ''}，社区首页已切换到${s(p.to)}`,
    en: (p) =>
      `Your household has moved from ${s(p.from)} to ${s(p.to)}${
        p.toAddress ? ` (${s(p.toAddress)})` : ''
      }; your community home is now ${s(p.to)}`,
  },
  'registry.export_requested': {
    'zh-CN': (p) => `${s(p.by)}申请导出「${s(p.area)}」的居民信息（用途：${s(p.reason)}），请审批`,
    en: (p) => `${s(p.by)} asks to export the residents of ${s(p.area)} (purpose: ${s(p.reason)}); please decide`,
  },
  'registry.export_decided': {
    'zh-CN': (p) =>
      p.decision === 'approved'
        ? `您导出「${s(p.area)}」居民信息的申请已获批准，请在 ${s(p.hours)} 小时内下载`
        : `您导出「${s(p.area)}」居民信息的申请未获批准${p.note ? `：${s(p.note)}` : ''}`,
    en: (p) =>
      p.decision === 'approved'
        ? `Your export of the residents of ${s(p.area)} was approved; download it within ${s(p.hours)} hours`
        : `Your export of the residents of ${s(p.area)} was refused${p.note ? `: ${s(p.note)}` : ''}`,
  },
};
