// Registered for every jest suite: accessibility matchers (toBeAccessible), and the cleanup after every test.
import { registerSa11yMatcher } from '@sa11y/jest';
import { resetDom } from './helpers/dom';

registerSa11yMatcher();

// Every test starts from an empty document and from mocks with no recorded calls; a suite adds its own resets.
afterEach(() => {
  resetDom();
  jest.clearAllMocks();
});
