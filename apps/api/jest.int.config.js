import { preset } from '../../jest.preset.js';

/**
 * Integration tests through GraphQL over HTTP against real PostgreSQL and Redis. The global
 * setup creates and migrates a database of this run and picks a Redis prefix of its own; the
 * teardown drops the database and deletes the keys.
 */
export default {
  ...preset({ tsconfig: new URL('./tsconfig.spec.json', import.meta.url).pathname }),
  displayName: 'api-int',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  maxWorkers: 1,
  testTimeout: 30_000,
};
