import { preset } from '../../jest.preset.js';

/**
 * The fault suite (`npm run test:faults`): the built API and worker as child processes against a
 * PostgreSQL cluster and a Redis server that the suite starts on ports of its own and removes.
 */
export default {
  ...preset({ tsconfig: new URL('./tsconfig.spec.json', import.meta.url).pathname }),
  displayName: 'api-faults',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  maxWorkers: 1,
  testTimeout: 300_000,
  // The suite removes its servers in afterAll; child-process pipes and sockets must not hold the run open.
  forceExit: true,
};
