// Check 2: source-deploy-retrieve loads force-app and converts it to a Metadata API package
// at the pinned version. The same loading is what migrate deploys, so a file it rejects
// here (unknown suffix, misplaced file) is a deploy that would fail.
import path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { pinnedApiVersion } from '../lib/paths';
import { relativeTo, type Finding } from './findings';

/** Loads force-app with the pinned API version set, so SDR never goes to the network for one. */
export function loadComponentSet(root: string): ComponentSet {
  const set = ComponentSet.fromSource(path.join(root, 'force-app'));
  const version = pinnedApiVersion(root);
  set.sourceApiVersion = version;
  set.apiVersion = version;
  return set;
}

export interface ConversionResult {
  findings: Finding[];
  components: number;
  packageXml?: string;
}

export async function checkConversion(root: string): Promise<ConversionResult> {
  try {
    const set = loadComponentSet(root);
    const result = await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
    if (!result.zipBuffer?.length) throw new Error('the converted metadata package is empty');
    return { findings: [], components: set.size, packageXml: await set.getPackageXml() };
  } catch (error) {
    return { findings: [sdrFinding(root, error)], components: 0 };
  }
}

function sdrFinding(root: string, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  // SDR names the offending path in its message; surface it as the file when it is there.
  const match = /(\/[^\s'"]+)/.exec(message);
  const file = match && match[1].startsWith(root) ? relativeTo(root, match[1]) : 'force-app';
  return { check: 'convert', file, element: (error as { name?: string }).name, message };
}
