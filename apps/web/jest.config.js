// Unit tests of the web app: hooks and pure helpers, in jsdom, with TypeScript through ts-jest in ESM mode.
import { preset } from '../../jest.preset.js';

const tsconfig = new URL('./tsconfig.spec.json', import.meta.url).pathname;
const base = preset({ tsconfig });

export default {
  ...base,
  displayName: 'web',
  rootDir: new URL('.', import.meta.url).pathname,
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/jest.setup.js'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig }] },
};
