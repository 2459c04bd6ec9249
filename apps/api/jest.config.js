import { preset } from '../../jest.preset.js';

/** Unit tests: no database, no Redis. */
export default {
  ...preset({ tsconfig: new URL('./tsconfig.spec.json', import.meta.url).pathname }),
  displayName: 'api',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
