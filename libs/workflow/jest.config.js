import { preset } from '../../jest.preset.js';

export default {
  ...preset({ tsconfig: new URL('./tsconfig.spec.json', import.meta.url).pathname }),
  displayName: 'workflow',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
