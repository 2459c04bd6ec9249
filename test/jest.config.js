import { preset } from '../jest.preset.js';

const base = preset({ tsconfig: new URL('./tsconfig.json', import.meta.url).pathname });

export default {
  // Jest's sequencer is one for the whole run (it cannot be set per project).
  testSequencer: new URL('./e2e/sequencer.js', import.meta.url).pathname,
  projects: [
    {
      ...base,
      displayName: 'checks',
      rootDir: new URL('.', import.meta.url).pathname,
      testMatch: ['<rootDir>/unit/**/*.spec.ts'],
    },
    {
      // The browser test: its global setup starts the API and the built web app on a fresh database.
      ...base,
      displayName: 'e2e',
      rootDir: new URL('.', import.meta.url).pathname,
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
};
