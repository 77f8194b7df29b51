// Registered for every jest suite: accessibility matchers (toBeAccessible).
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
