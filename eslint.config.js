import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The API's layers, lowest first. A folder of a layer imports only from folders of lower layers
 * (and from itself); none imports a feature folder (identity, cohorts, challenges, teams, … anything
 * not listed here) or the composition at the top (manifest, modules of the app, entry points).
 */
const API_LAYERS = [
  ['config'],
  ['logging'],
  ['graphql-context'],
  ['common'],
  ['database', 'redis'],
  ['audit'],
  ['jobs'],
  ['outbox'],
  ['notifications', 'deadlines'],
  ['workflow'],
  ['front-door'],
];
/** The composition: what assembles features and infrastructure (features never import it). */
const API_COMPOSITION = ['manifest', 'app.module', 'core.module', 'bootstrap', 'main', 'worker', 'migrate'];
const API_COMPOSITION_FOLDERS = ['schema', 'seed', 'bench'];

const layerRules = API_LAYERS.flatMap((layer, i) => {
  const allowed = API_LAYERS.slice(0, i).flat();
  return layer.map((folder) => ({
    files: [`apps/api/src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', ...allowed.flatMap((f) => [`!../${f}`, `!../${f}/**`])],
              message: `apps/api/src/${folder} is infrastructure: it may import only from ${allowed.join(', ') || 'nothing else in the API'} (see CONTRIBUTING.md, "Layers").`,
            },
          ],
        },
      ],
    },
  }));
});

const featureRule = {
  files: ['apps/api/src/*/**/*.ts'],
  ignores: [...API_LAYERS.flat(), ...API_COMPOSITION_FOLDERS].map((f) => `apps/api/src/${f}/**`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              ...API_COMPOSITION.map((f) => `../${f}.js`),
              ...API_COMPOSITION.map((f) => `../../${f}.js`),
              ...API_COMPOSITION_FOLDERS.flatMap((f) => [`../${f}/*`, `../../${f}/*`]),
            ],
            message:
              'A feature does not import the composition (manifest, app modules, entry points, seed, benchmarks).',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-floor/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.nx/**',
      'apps/web/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Decorated NestJS classes need their constructor parameter types as values at run time.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'bullmq', 'ioredis', 'pg'],
              message: 'libs stay framework-free.',
            },
          ],
        },
      ],
    },
  },
  featureRule,
  ...layerRules,
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
