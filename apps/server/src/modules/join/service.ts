/** The join module's service: the public link, applying, and the cadres' review. */
export { hashNewPassword } from '../auth/register.ts';
export { apply } from './apply.ts';
export { communityForToken, joinInfo, joinLink } from './link.ts';
export { decideApplication, detail, list, mine, revealId } from './review.ts';
