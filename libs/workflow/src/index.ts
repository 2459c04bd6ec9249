export * from './core.js';
export * from './cohort.machine.js';
export * from './challenge.machine.js';
export * from './team.machine.js';
export * from './review.machine.js';
export * from './change-request.machine.js';
export * from './machines.js';
