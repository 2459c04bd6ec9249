// Shared Jest settings: TypeScript through ts-jest in ESM mode (NestJS 12 and Apollo are ESM-only).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @param {{ tsconfig: string, decorators?: boolean }} options */
export function preset({ tsconfig }) {
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: {
      '^@hundred/domain$': path.join(root, 'libs/domain/src/index.ts'),
      '^@hundred/workflow$': path.join(root, 'libs/workflow/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig }],
    },
  };
}
