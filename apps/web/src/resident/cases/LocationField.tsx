import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tid } from '../../shared/testid.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

type State = 'idle' | 'locating' | 'done' | 'denied' | 'failed' | 'unsupported';

/** Optional "use my location": asks the browser once; the resident may clear it again. */
export function LocationField({ value, onChange }: { value: LatLng | null; onChange: (v: LatLng | null) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(value ? 'done' : 'idle');
  const [accuracy, setAccuracy] = useState<number | null>(null);
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setState('unsupported');
      return;
    }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        onChange({ lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) });
        setAccuracy(Math.round(p.coords.accuracy));
        setState('done');
      },
      (e) => setState(e.code === e.PERMISSION_DENIED ? 'denied' : 'failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <div className="location-field">
      {value ? (
        <Button
          fill="outline"
          onClick={() => {
            onChange(null);
            setState('idle');
          }}
          {...tid('report-location-clear')}
        >
          {t('casesResident.location.clear')}
        </Button>
      ) : (
        <Button
          fill="outline"
          color="primary"
          loading={state === 'locating'}
          onClick={locate}
          {...tid('report-locate')}
        >
          {t('casesResident.location.use')}
        </Button>
      )}
      <span
        className={state === 'denied' || state === 'failed' ? 'form-error' : 'muted'}
        data-state={state}
        {...tid('report-location')}
      >
        {state === 'done' && value
          ? t('casesResident.location.done', { m: accuracy ?? '?' })
          : state === 'idle' || state === 'locating'
            ? t('casesResident.location.hint')
            : t(`casesResident.location.${state}`)}
      </span>
    </div>
  );
}
