// Jest for the Lightning Web Components and the successModel domain model.
// sfdx-lwc-jest strips TypeScript with Babel (it never type-checks: `npm run typecheck` does).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  moduleFileExtensions: ['ts', 'js', 'html'],
  transform: {
    ...jestConfig.transform,
    '^.+\\.(js|ts|html|css)$': '<rootDir>/jest/transformer.js'
  },
  testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
  // Shared platform mocks, one folder; shared helpers are imported from jest/helpers.
  moduleNameMapper: {
    '^jest-helpers/(.*)$': '<rootDir>/jest/helpers/$1.ts',
    '^@salesforce/apex$': '<rootDir>/jest/mocks/salesforce/apex.ts',
    '^lightning/navigation$': '<rootDir>/jest/mocks/lightning/navigation.ts',
    '^lightning/platformShowToastEvent$': '<rootDir>/jest/mocks/lightning/platformShowToastEvent.ts',
    '^lightning/modal$': '<rootDir>/jest/mocks/lightning/modal.ts'
  },
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest/setup.ts'],
  // Some suites render a long list and run axe on it: about 5 s of one core on their own, so jest's default 5 s
  // timeout fails them whenever the machine is shared. A test that hangs still fails, after 20 s.
  testTimeout: 20000,
  collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
  coverageThreshold: {
    global: { statements: 90, branches: 85, functions: 90, lines: 90 },
    // The domain model is the single source of every number: every line and branch is proven.
    './force-app/main/default/lwc/successModel/': { branches: 100, lines: 100 }
  },
  coverageReporters: ['text-summary', 'lcov'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.localorg/']
};
