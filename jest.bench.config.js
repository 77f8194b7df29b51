// jest config for npm run bench:panel only: the project's jest setup, with the bench file as the only test.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/scripts/bench/*.bench.ts'],
  collectCoverage: false,
  coverageThreshold: undefined
};
