import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from './api.ts';
import { safeNext } from './format.ts';
import { useSession, useSessionExpired } from './session.ts';

export interface LoginValues {
  phone: string;
  password: string;
}

/** Sign-in form state shared by the resident app and the console: submit, busy, error, where to go next. */
export function useSignInForm() {
  const { me, signIn } = useSession();
  const expired = useSessionExpired();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'), '/');

  const submit = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.phone.trim(), v.password);
      nav(next, { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { me, expired, next, busy, error, submit, alreadySignedIn: !!me && !busy };
}
