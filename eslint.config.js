// ESLint flat config: Salesforce's LWC rules for components, typescript-eslint for scripts.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');
const noBusinessArithmetic = require('./eslint/noBusinessArithmetic');
// The LWC config registers eslint-plugin-import already; a second registration of the same name must be that one.
const importPlugin = lwcConfig.configs.recommendedTs.find((config) => config.plugins?.import).plugins.import;

const COMPONENTS = ['force-app/**/lwc/**/*.ts', 'preview/modules/**/*.ts'];
const COMPONENT_TESTS = ['force-app/**/lwc/**/__tests__/**/*.ts', 'jest/**/*.ts'];
const NODE_TS = ['scripts/**/*.ts', 'scripts/**/*.mts', 'preview/server/**/*.ts', 'preview/build.ts', 'test/**/*.ts'];
// Browser code of the preview that is not a component: platform bindings and the entry.
const PREVIEW_BROWSER_TS = ['preview/platform/**/*.ts', 'preview/main.ts'];

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.localorg/**',
      '.sf/**',
      '.sfdx/**',
      'preview/dist/**',
      'dist/**',
      'test-results/**',
      'force-app/**/lwc/**/*.js',
      'preview/main.js',
      'preview/platform/*.js',
      'preview/modules/**/*.js',
      '**/fixtures/**'
    ]
  },
  ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: COMPONENTS })),
  {
    // Babel's parser does not resolve type-only names; tsc (strict, noUnusedLocals) checks these instead.
    files: COMPONENTS,
    rules: { 'no-undef': 'off', 'no-unused-vars': 'off' }
  },
  {
    // Components render, successModel computes (eslint/noBusinessArithmetic.js).
    files: ['force-app/**/lwc/**/*.ts'],
    ignores: ['force-app/**/lwc/successModel/**', ...COMPONENT_TESTS],
    plugins: { cs: { rules: { 'no-business-arithmetic': noBusinessArithmetic } } },
    rules: { 'cs/no-business-arithmetic': 'error' }
  },
  {
    files: COMPONENT_TESTS,
    ...jestPlugin.configs['flat/recommended'],
    languageOptions: {
      ...lwcConfig.configs.recommendedTs.at(-1).languageOptions,
      globals: { ...globals.node, ...globals.jest, ...globals.browser }
    },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
      '@lwc/lwc/no-async-operation': 'off',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*'] }]
    }
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: NODE_TS })),
  {
    files: NODE_TS,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: PREVIEW_BROWSER_TS })),
  {
    files: PREVIEW_BROWSER_TS,
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    // No import cycles, anywhere: a cycle means two modules are one job split in two, or a shared piece belongs in a
    // third. Type-only imports do not count (they vanish at run time). The TypeScript resolver reads tsconfig.json,
    // so c/<component> paths and .mjs -> .mts resolve as tsc resolves them.
    files: [...COMPONENTS, ...NODE_TS, ...PREVIEW_BROWSER_TS],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: 'tsconfig.json' } },
      // The plugin parses each imported module itself to follow the graph: TypeScript needs its parser.
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import/extensions': ['.ts', '.mts', '.js'],
      'import/cache': { lifetime: Infinity }
    },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] }
  },
  {
    files: ['*.js', '*.cjs', 'config/**/*.js', 'eslint/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  }
];
