// npm run bench:workspace: the charter workspace render benchmark, in the same jsdom and LWC setup as the
// component tests, but kept out of `npm test` (its own testMatch, no coverage).
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/scripts/bench/workspace.bench.ts'],
  collectCoverage: false,
  coverageThreshold: undefined
};
