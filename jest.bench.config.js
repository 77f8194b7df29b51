// jest config for npm run bench:panel only: the project's jest setup, with the panel bench as the only test
// (bench:workspace has its own config in scripts/bench/jest.workspace.config.js).
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/scripts/bench/panel.bench.ts'],
  collectCoverage: false,
  coverageThreshold: undefined
};
