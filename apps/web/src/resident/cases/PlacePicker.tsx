import { api } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Picker, Selector } from 'antd-mobile';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import type { MeView } from '../../shared/session.ts';
import { tid } from '../../shared/testid.ts';

export interface PlaceChoice {
  key: 'home' | 'building' | 'community' | 'other';
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

/** Buildings (courtyards) of the community, labelled with their grid: "第一网格 · 3号楼". */
function useOtherBuildings() {
  const q = useQuery({ queryKey: ['case-places'], queryFn: () => call(api.cases.reportPlaces, { query: {} }) });
  const places = q.data?.places ?? [];
  const grid = new Map(places.filter((p) => p.type === 'grid').map((p) => [p.id, p.name]));
  return places
    .filter((p) => p.type === 'building')
    .map((p) => ({ value: p.id, label: `${grid.get(p.parentId ?? '') ?? ''} · ${p.name}` }));
}

/**
 * One big choice per place (`report-place-home` / `-building` / `-community`), and "another building" for a
 * problem elsewhere in the community (`report-place-other`, a picker of its buildings).
 */
export function PlacePicker({ choices, value, onChange }: Props) {
  const { t } = useTranslation();
  const buildings = useOtherBuildings();
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState<PlaceChoice | null>(null);
  const all = other && !choices.some((c) => c.id === other.id) ? [...choices, other] : choices;
  return (
    <>
      <Selector
        columns={1}
        value={value ? [value] : []}
        onChange={(v) => v[0] && onChange?.(v[0])}
        options={all.map((c) => ({ value: c.id, label: <span {...tid(`report-place-${c.key}`)}>{c.label}</span> }))}
        style={{ '--padding': '10px 12px' }}
      />
      {buildings.length > 0 && (
        <Button
          size="small"
          fill="none"
          color="primary"
          onClick={() => setOpen(true)}
          {...tid('report-place-pick-other')}
        >
          {t('casesResident.place.pickOther')}
        </Button>
      )}
      <Picker
        columns={[buildings]}
        visible={open}
        onClose={() => setOpen(false)}
        onConfirm={(v) => {
          const id = v[0] as string | undefined;
          const b = buildings.find((x) => x.value === id);
          if (!b) return;
          setOther({ key: 'other', id: b.value, label: t('casesResident.place.other', { name: b.label }) });
          onChange?.(b.value);
        }}
      />
    </>
  );
}
