export * from './roles.js';
export * from './permissions.js';
export * from './calendar.js';
export * from './challenge.js';
export * from './rag.js';
export * from './midpoint.js';
export * from './outcome.js';
export * from './check-in.js';
