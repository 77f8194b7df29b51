// Check 1: every XML file in force-app is well-formed. source-deploy-retrieve does not parse
// XML when it converts, so a broken file would otherwise reach the org and fail there.
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { walk } from './files';
import { relativeTo, type Finding } from './findings';

export function checkXml(root: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of walk(path.join(root, 'force-app'), (f) => f.endsWith('.xml'))) {
    const result = XMLValidator.validate(fs.readFileSync(file, 'utf8'));
    if (result !== true) {
      findings.push({
        check: 'xml',
        file: relativeTo(root, file),
        line: result.err.line,
        element: result.err.code,
        message: `malformed XML: ${result.err.msg}`
      });
    }
  }
  return findings;
}
