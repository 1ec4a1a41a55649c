import { type Action, type Actor, can, canAnywhere, reachOf } from '@linli/contracts';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { actorOf, type GrantView, type MeView } from '../shared/session.ts';

/** Actions that make a grant useful in the console (reading a community's home alone does not). */
const CONSOLE_ACTIONS: readonly Action[] = [
  'org.read',
  'join.review',
  'join.link.manage',
  'person.read',
  'grant.read',
  'audit.read',
];

/** The grants one may act under in the console. */
export const consoleGrants = (me: MeView): GrantView[] =>
  me.grants.filter((g) => CONSOLE_ACTIONS.some((a) => reachOf(g.role, a)));

interface ActingValue {
  me: MeView;
  actor: Actor;
  /** The grant (role at a node) the user is acting under. */
  acting: GrantView;
  setActing: (grantId: string) => void;
  options: GrantView[];
  /** Whether an action is allowed at the acting node. */
  allowed: (action: Action) => boolean;
  /** Whether the user holds an action anywhere (e.g. the audit log). */
  anywhere: (action: Action) => boolean;
}

const ActingContext = createContext<ActingValue | null>(null);
const storageKey = (userId: string) => `linli.acting.${userId}`;

export function ActingProvider({ me, children }: { me: MeView; children: ReactNode }) {
  const options = useMemo(() => consoleGrants(me), [me]);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return localStorage.getItem(storageKey(me.user.id));
    } catch {
      return null;
    }
  });
  const acting = options.find((g) => g.id === chosen) ?? options[0];
  const value = useMemo<ActingValue | null>(() => {
    const actor = actorOf(me);
    if (!acting || !actor) return null;
    return {
      me,
      actor,
      acting,
      options,
      setActing: (id: string) => {
        setChosen(id);
        try {
          localStorage.setItem(storageKey(me.user.id), id);
        } catch {
          // not persisted in private mode
        }
      },
      allowed: (action) => can(actor, action, { path: acting.path }),
      anywhere: (action) => canAnywhere(actor, action),
    };
  }, [me, acting, options]);
  if (!value) return <>{children}</>;
  return <ActingContext.Provider value={value}>{children}</ActingContext.Provider>;
}

/** The acting grant and permission helpers; only inside the console shell. */
export function useActing(): ActingValue {
  const v = useContext(ActingContext);
  if (!v) throw new Error('useActing outside ActingProvider');
  return v;
}

export const useOptionalActing = (): ActingValue | null => useContext(ActingContext);
