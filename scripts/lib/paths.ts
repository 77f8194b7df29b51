// Where things live in the project, in one place for every script.
import fs from 'node:fs';
import path from 'node:path';

/** The folder holding sfdx-project.json, found upwards from here: the same from the sources and from dist/. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'sfdx-project.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no sfdx-project.json above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(__dirname);
export const FORCE_APP = path.join(PROJECT_ROOT, 'force-app');
export const DEFAULT_DIR = path.join(FORCE_APP, 'main', 'default');
export const LWC_DIR = path.join(DEFAULT_DIR, 'lwc');

/** The API version pinned in sfdx-project.json; every org call and -meta.xml uses it. */
export function pinnedApiVersion(root: string = PROJECT_ROOT): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const project = require(path.join(root, 'sfdx-project.json')) as { sourceApiVersion?: string };
  if (!project.sourceApiVersion) {
    throw new Error(`${path.join(root, 'sfdx-project.json')}: sourceApiVersion is missing`);
  }
  return project.sourceApiVersion;
}
