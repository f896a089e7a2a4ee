// @ts-check
/**
 * Lint: typescript-eslint and angular-eslint recommended rules, plus the import boundaries that keep
 * the house readable (docs/architecture.md): domain/ imports nothing of the app; server layers point
 * one way (routes -> services -> db); a route folder never imports another; client features never
 * import each other's insides; shared/ui knows nothing of core/ or features/.
 */
import js from '@eslint/js';
import angular from 'angular-eslint';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** Architectural elements, matched on the path from the repository root. */
const elements = [
  { type: 'domain', pattern: 'domain/**', partialMatch: false },
  {
    type: 'server-route',
    pattern: 'server/routes/*/**',
    partialMatch: false,
    capture: ['resource'],
  },
  { type: 'server-route', pattern: 'server/routes', partialMatch: false },
  { type: 'server-service', pattern: 'server/services/**', partialMatch: false },
  { type: 'server-db', pattern: 'server/db/**', partialMatch: false },
  { type: 'server-plugin', pattern: 'server/plugins/**', partialMatch: false },
  { type: 'server-test', pattern: 'server/test/**', partialMatch: false },
  { type: 'server', pattern: 'server/**', partialMatch: false },
  { type: 'client-core', pattern: 'src/app/core/**', partialMatch: false },
  { type: 'client-shared', pattern: 'src/app/shared/**', partialMatch: false },
  {
    type: 'client-feature',
    pattern: 'src/app/features/*/**',
    partialMatch: false,
    capture: ['feature'],
  },
  { type: 'client', pattern: 'src/**', partialMatch: false },
];

/** A policy refusing imports from elements of types `from` into elements of types `to`. */
const block = (from, to, message) => ({
  from: { element: { types: { anyOf: from } } },
  disallow: { to: { element: { types: { anyOf: to } } } },
  message,
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.angular/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'data/**',
      'public/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: false } },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['domain/**', 'server/**', 'src/**'],
      'boundaries/legacy-warnings': false,
      'import/resolver': {
        typescript: {
          project: ['tsconfig.json', 'tsconfig.app.json', 'tsconfig.node.json'],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            block(
              ['domain'],
              [
                'server-route',
                'server-service',
                'server-db',
                'server-plugin',
                'server-test',
                'server',
                'client-core',
                'client-shared',
                'client-feature',
                'client',
              ],
              'domain/ is pure: it imports nothing of the server or the client',
            ),
            block(
              ['server-service', 'server-db', 'server-plugin'],
              ['server-route'],
              'Server layers point one way: routes -> services -> db, never back',
            ),
            block(
              ['server-db'],
              ['server-service'],
              'Server layers point one way: routes -> services -> db, never back',
            ),
            block(
              ['server-route', 'server-service', 'server-db', 'server-plugin', 'server'],
              ['client-core', 'client-shared', 'client-feature', 'client'],
              'The server never imports the client',
            ),
            block(
              ['client-shared'],
              ['client-core', 'client-feature'],
              'shared/ knows nothing of core/ or features/',
            ),
            block(['client-core'], ['client-feature'], 'core/ knows no feature'),
            {
              from: { element: { type: 'server-route' } },
              disallow: {
                to: {
                  element: {
                    type: 'server-route',
                    captured: { resource: '!{{from.element.captured.resource}}' },
                  },
                },
              },
              message:
                'A route folder never imports another route folder: move the shared code to a service',
            },
            {
              from: { element: { type: 'client-feature' } },
              disallow: {
                to: {
                  element: {
                    type: 'client-feature',
                    captured: { feature: '!{{from.element.captured.feature}}' },
                  },
                },
              },
              message: 'Features never import each other: share through shared/, core/ or domain/',
            },
          ],
        },
      ],
      // domain/ is framework-free: zod and its own files only (style.md, convention 4).
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'app', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/|$)|\\.)',
              message: 'domain/ is pure TypeScript: it may import only zod and its own files',
            },
          ],
        },
      ],
    },
  },
  {
    // Its specs may also generate cases with fast-check (property tests).
    files: ['domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/|$)|fast-check$|\\.)',
              message: 'domain/ specs may import only zod, fast-check and domain files',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  {
    files: ['**/*.spec.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Command-line programs talk to the terminal (the server logs through pino).
  { files: ['server/cli/**', 'server/main.ts'], rules: { 'no-console': 'off' } },
  // The initial bundle (issue 11): a value imported through the @domain barrel brings zod and every
  // schema into the first chunk; these files take values from the zod-free modules only.
  {
    files: [
      'src/main.ts',
      'src/app/app.ts',
      'src/app/app.config.ts',
      'src/app/app.routes.ts',
      'src/app/core/{api-interceptor,app-error-handler,auth-api,auth-guard,permission-guard,problem,session-messages,session-store}.ts',
      'src/app/features/worklist/worklist-landing.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@domain',
              allowTypeImports: true,
              message:
                "Initial bundle: import values from '@domain/roles' (zod-free), types from '@domain'",
            },
          ],
        },
      ],
    },
  },
);
