/** The parts of a task that say where it is done. */
export interface TaskPlace {
  kind: string;
  subjectType: string;
  subjectId: string;
  teamId?: string | null;
  cohortId?: string | null;
}

/** The section of the team workspace where a kind of task is done. */
const TEAM_SECTION: Record<string, string> = {
  SUBMIT_GOALS: 'team-goals',
  CHECK_IN: 'team-check-in',
  REVIEW_CHECK_IN: 'team-check-ins',
  DECIDE_CHANGE: 'team-changes',
};

/** Where a task is done: the page of its object (and the section of it, on a team's workspace). */
export function taskLink(task: TaskPlace): string {
  switch (task.subjectType) {
    case 'challenge':
      return `/challenges/${task.subjectId}`;
    case 'cohort':
      return `/cohorts/${task.subjectId}`;
    // The mid-point review has pages of its own: the reviewer's assessment, the office's grid and decision.
    case 'assessment':
      return `/reviews/${task.subjectId}`;
    default: {
      if (task.kind === 'ASSIGN_REVIEWERS' && task.cohortId) return `/cohorts/${task.cohortId}/reviewers`;
      if (task.kind === 'DECIDE_MIDPOINT') return `/teams/${task.teamId ?? task.subjectId}/midpoint`;
      const teamId = task.teamId ?? task.subjectId;
      const section = TEAM_SECTION[task.kind];
      return section ? `/teams/${teamId}#${section}` : `/teams/${teamId}`;
    }
  }
}
