import { isStaffRole, type Role } from '@linli/contracts';
import type { LoadedGrant } from '../../platform/access/actor.ts';
import { grantViews } from '../../platform/access/grants.ts';
import type { Platform, SessionUser } from '../../platform/context.ts';
import type { Db } from '../../platform/db/engine.ts';

const lastId = (path: string) => path.split('/').filter(Boolean).at(-1) ?? null;

/** The signed-in user as the web app sees them: grants with trails, home community, timeouts. */
export async function buildMe(tx: Db, p: Platform, user: SessionUser, grants: LoadedGrant[], idleMinutes: number) {
  const views = await grantViews(tx, grants);
  const residentGrant = grants.find((g) => g.role === 'resident' && g.communityPath);
  return {
    user: {
      id: user.id,
      name: user.name,
      phone: user.phone,
      isStaff: grants.some((g) => isStaffRole(g.role as Role)),
      mustChangePassword: user.mustChangePassword,
    },
    grants: views as never,
    homeCommunityId: residentGrant?.communityPath ? lastId(residentGrant.communityPath) : null,
    idleTimeoutMinutes: idleMinutes,
    demoMode: p.demoAccounts.size > 0,
  };
}
