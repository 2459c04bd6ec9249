import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every operation in src/, from the API's committed schema. Output in src/gql/ (not committed). */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
        defaultScalarType: 'unknown',
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string', UUID: 'string' },
      },
    },
  },
};

export default config;
