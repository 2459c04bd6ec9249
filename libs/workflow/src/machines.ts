import { challengeMachine } from './challenge.machine.js';
import { changeRequestMachine } from './change-request.machine.js';
import { cohortMachine } from './cohort.machine.js';
import type { Machine, MachineName } from './core.js';
import { assessmentMachine, reviewMachine } from './review.machine.js';
import { teamMachine } from './team.machine.js';

/** Every machine, by name (for tests, documentation and the audit screens). */
export const MACHINES: Record<MachineName, Machine<string, string, never>> = {
  cohort: cohortMachine as unknown as Machine<string, string, never>,
  challenge: challengeMachine as unknown as Machine<string, string, never>,
  team: teamMachine as unknown as Machine<string, string, never>,
  review: reviewMachine as unknown as Machine<string, string, never>,
  assessment: assessmentMachine as unknown as Machine<string, string, never>,
  changeRequest: changeRequestMachine as unknown as Machine<string, string, never>,
};
