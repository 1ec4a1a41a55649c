/** "A place outside the community": a map pin must lie inside its community's outline, where it has one. */
import { geo } from '@linli/contracts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError } from '../../platform/http/errors.ts';
import { geometryOf } from '../org/geometry-repository.ts';

/**
 * Throws 422 `validation_failed` with `{ path, code: 'outside_community' }` when a pin is given, the
 * community has an outline, and the pin lies outside it. No pin, or no outline, passes.
 */
export async function assertInsideCommunity(
  tx: Db,
  communityId: string,
  location: { lat: number; lng: number } | null | undefined,
  path: string,
): Promise<void> {
  if (!location) return;
  const outline = await geometryOf(tx, communityId);
  if (outline && !geo.pointInPolygon([location.lng, location.lat], outline))
    throw new AppError(422, 'validation_failed', {}, [{ path, code: 'outside_community' }]);
}
