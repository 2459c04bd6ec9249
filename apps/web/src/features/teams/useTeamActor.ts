import type { Actor } from '@hundred/domain';
import { useMemo } from 'react';

import { useSession } from '../../session/session';
import { isTeamRole } from './teams';

/** The signed-in user with their roles on this team: what `can()` needs for team actions. */
export function useTeamActor(team: { id: string; myRoles: readonly string[] }): Actor | null {
  const { actor } = useSession();
  return useMemo(
    () => (actor ? { ...actor, teamRoles: { [team.id]: team.myRoles.filter(isTeamRole) } } : null),
    [actor, team.id, team.myRoles],
  );
}
