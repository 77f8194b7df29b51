// npm run org:local -- [--port N] [--data-dir DIR] [--reset]: serves the local org until stopped.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../lib/paths';
import { startLocalOrg } from './index';

const DEFAULT_PORT = 6466;

const USAGE = `Usage: npm run org:local -- [--port N] [--data-dir DIR] [--reset]

Serves a local Salesforce org on 127.0.0.1 (REST, query, composite, Metadata API) for development and tests.
When ready it prints the instance URL and writes DIR/org.json with instanceUrl and accessToken.

  --port N         port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir DIR   where records and org.json live (default .localorg/)
  --reset          start from an empty org (standard objects only)
  --help           show this help`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      }
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected a port number, got ${values.port}`);
    return 2;
  }
  const dataDir = path.resolve(values['data-dir'] ?? path.join(PROJECT_ROOT, '.localorg'));
  const org = await startLocalOrg({ port, dataDir, reset: values.reset });
  console.log(`Local org ready at ${org.instanceUrl}`);
  console.log(`Credentials: ${path.join(dataDir, 'org.json')}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await org.close();
  console.log('Local org stopped');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`org:local: ${(error as Error).message}`);
    process.exit(1);
  }
);
