import { type Action, type Actor, api, can, canAnywhere, type Role, reachOf } from '@linli/contracts';
import { useQueries } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { call } from '../shared/api.ts';
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
  me.grants.filter((g) => CONSOLE_ACTIONS.some((a) => reachOf(g.role as Role, a)));

/**
 * Where the console acts: a grant's node, or — for grants that serve other parts of the tree
 * (a department serving some streets, `scopePaths`) — each node it serves.
 */
export interface ActingPoint {
  id: string;
  role: string;
  nodeId: string;
  nodeName: string;
  nodeType: string;
  path: string;
  trail: string[];
}

/** Node ids are the segments of materialized paths: `/1000/1001/` → `1001`. */
const nodeIdOfPath = (path: string): string => path.split('/').filter(Boolean).pop() ?? '';

function useActingPoints(me: MeView): ActingPoint[] {
  const grants = useMemo(() => consoleGrants(me), [me]);
  const scopeIds = [...new Set(grants.flatMap((g) => (g.scopePaths ?? []).map(nodeIdOfPath)))];
  const scoped = useQueries({
    queries: scopeIds.map((id) => ({
      queryKey: ['org-node', id],
      queryFn: () => call(api.org.orgNode, { params: { id } }),
      staleTime: 300_000,
    })),
  });
  const scopeInfo = new Map(scoped.flatMap((q) => (q.data ? [[q.data.node.id, q.data] as const] : [])));
  return grants.flatMap((g): ActingPoint[] => {
    if (!g.scopePaths?.length) return [{ ...g }];
    return g.scopePaths.map((path) => {
      const nodeId = nodeIdOfPath(path);
      const info = scopeInfo.get(nodeId);
      return {
        id: `${g.id}@${nodeId}`,
        role: g.role,
        nodeId,
        path,
        nodeName: info?.node.name ?? nodeId,
        nodeType: info?.node.type ?? '',
        trail: info ? [...info.ancestors.map((a) => a.name), info.node.name] : [...g.trail, '…'],
      };
    });
  });
}

interface ActingValue {
  me: MeView;
  actor: Actor;
  /** The role and node the user is acting at. */
  acting: ActingPoint;
  setActing: (id: string) => void;
  options: ActingPoint[];
  /** Whether an action is allowed at the acting node. */
  allowed: (action: Action) => boolean;
  /** Whether the user holds an action anywhere (e.g. the audit log). */
  anywhere: (action: Action) => boolean;
}

const ActingContext = createContext<ActingValue | null>(null);
const storageKey = (userId: string) => `linli.acting.${userId}`;

export function ActingProvider({ me, children }: { me: MeView; children: ReactNode }) {
  const options = useActingPoints(me);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return localStorage.getItem(storageKey(me.user.id));
    } catch {
      return null;
    }
  });
  const acting = options.find((g) => g.id === chosen) ?? options[0];
  const actor = useMemo(() => actorOf(me), [me]);
  const value = useMemo<ActingValue | null>(() => {
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
  }, [me, actor, acting, options]);
  if (!value) return <>{children}</>;
  return <ActingContext.Provider value={value}>{children}</ActingContext.Provider>;
}

/** The acting point and permission helpers; only inside the console shell. */
export function useActing(): ActingValue {
  const v = useContext(ActingContext);
  if (!v) throw new Error('useActing outside ActingProvider');
  return v;
}
