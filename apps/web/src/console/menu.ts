import type { Messages } from '../i18n/zh-CN.ts';
import type { useActing } from './acting.tsx';

type Acting = ReturnType<typeof useActing>;

export interface ConsolePage {
  key: keyof Messages['console']['menu'];
  path: string;
  show: (a: Acting) => boolean;
}

/** Console pages in menu order, each shown only when the acting grant allows what it does. */
export const PAGES: readonly ConsolePage[] = [
  { key: 'cases', path: '/cases', show: (a) => a.allowed('case.read') },
  { key: 'caseMap', path: '/case-map', show: (a) => a.allowed('case.read') },
  {
    key: 'caseLink',
    path: '/case-link',
    show: (a) => a.allowed('case.link.manage') && ['community', 'grid'].includes(a.acting.nodeType),
  },
  { key: 'caseImport', path: '/case-import', show: (a) => a.allowed('case.import') },
  { key: 'review', path: '/review', show: (a) => a.allowed('join.review') },
  {
    key: 'joinLink',
    path: '/join-link',
    show: (a) => a.allowed('join.link.manage') && ['district', 'street', 'community'].includes(a.acting.nodeType),
  },
  { key: 'org', path: '/org', show: (a) => a.allowed('org.read') },
  { key: 'people', path: '/people', show: (a) => a.allowed('grant.read') },
  { key: 'audit', path: '/audit', show: (a) => a.anywhere('audit.read') },
  { key: 'categories', path: '/categories', show: (a) => a.anywhere('category.manage') },
  { key: 'calendar', path: '/calendar', show: (a) => a.anywhere('calendar.manage') },
  { key: 'notices', path: '/notices', show: (a) => a.allowed('notice.publish') },
  { key: 'boards', path: '/boards', show: (a) => a.allowed('board.moderate') },
  {
    key: 'affiliations',
    path: '/affiliations',
    show: (a) => a.allowed('party.review') && a.acting.nodeType === 'community',
  },
  {
    key: 'guides',
    path: '/guides',
    show: (a) => a.allowed('guide.manage') && ['district', 'community'].includes(a.acting.nodeType),
  },
  { key: 'registry', path: '/registry', show: (a) => a.allowed('registry.contact') },
  { key: 'places', path: '/places', show: (a) => a.allowed('registry.stats') },
  { key: 'outreach', path: '/outreach', show: (a) => a.allowed('registry.stats') },
  { key: 'developer', path: '/developer', show: (a) => a.allowed('platform.manage') },
  {
    key: 'deliberation',
    path: '/deliberation',
    show: (a) => a.allowed('deliberation.screen') || a.allowed('deliberation.observe'),
  },
  { key: 'collection', path: '/collection', show: (a) => a.allowed('form.design') },
  { key: 'formBurden', path: '/form-burden', show: (a) => a.allowed('form.oversee') },
  {
    key: 'formCorrections',
    path: '/form-corrections',
    show: (a) => a.allowed('registry.edit') && ['district', 'community'].includes(a.acting.nodeType),
  },
  { key: 'votes', path: '/votes', show: (a) => a.allowed('vote.manage') && a.acting.nodeType === 'community' },
];

export const visiblePages = (a: Acting): ConsolePage[] => PAGES.filter((p) => p.show(a));
