// The product's CLI without the sf CLI: `npm run seed -- ...` runs `cs seed ...` here, on the same oclif
// configuration and command classes that `sf cs seed` loads once the plugin is linked.
import { flush, handle, run } from '@oclif/core';
import { cliConfig } from '../lib/command.mjs';

try {
  await run(process.argv.slice(2), await cliConfig());
  await flush();
} catch (error) {
  await handle(error as Error);
}
