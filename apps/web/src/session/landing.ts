import { landsOnDashboard, type Actor } from '@hundred/domain';

/**
 * The first page after signing in, decided by role in this one place: leadership reads the
 * dashboard first; everyone else starts at the front page.
 */
export function landingPath(actor: Actor | null): string {
  return actor && landsOnDashboard(actor) ? '/dashboard' : '/';
}
