import { Selector } from 'antd-mobile';
import type { TFunction } from 'i18next';
import type { MeView } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';

export interface PlaceChoice {
  key: 'home' | 'building' | 'community';
  id: string;
  label: string;
}

const HOME_ROLES = new Set(['resident', 'party_member']);

/**
 * Where the problem is, from the resident's own home: the home itself, its building, or the community's
 * common areas. Paths run district/street/community/grid/building[/unit]/room, so the ids sit at fixed depths.
 */
export function homePlaces(me: MeView, t: TFunction): PlaceChoice[] {
  const g =
    me.grants.find((x) => HOME_ROLES.has(x.role) && x.path.split('/').includes(me.homeCommunityId ?? '')) ??
    me.grants.find((x) => HOME_ROLES.has(x.role));
  if (!g) return [];
  const ids = g.path.split('/').filter(Boolean);
  const out: PlaceChoice[] = [];
  if (ids.length > 4) {
    out.push({ key: 'home', id: g.nodeId, label: t('casesResident.place.home', { name: g.trail.slice(4).join(' ') }) });
    if (ids.length > 5)
      out.push({ key: 'building', id: ids[4]!, label: t('casesResident.place.building', { name: g.trail[4] }) });
  }
  if (ids.length > 2)
    out.push({ key: 'community', id: ids[2]!, label: t('casesResident.place.community', { name: g.trail[2] }) });
  return out;
}

interface Props {
  choices: readonly PlaceChoice[];
  value?: string;
  onChange?: (id: string) => void;
}

/** One big choice per place (`report-place-home` / `-building` / `-community`). */
export function PlacePicker({ choices, value, onChange }: Props) {
  return (
    <Selector
      columns={1}
      value={value ? [value] : []}
      onChange={(v) => v[0] && onChange?.(v[0])}
      options={choices.map((c) => ({ value: c.id, label: <span {...tid(`report-place-${c.key}`)}>{c.label}</span> }))}
      style={{ '--padding': '10px 12px' }}
    />
  );
}
