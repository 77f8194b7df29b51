// A finding is one reason the metadata would not deploy or would be unsafe: it names the
// check, the file (relative to the project), the line where known, the element and why.
import path from 'node:path';

export type CheckName = 'xml' | 'convert' | 'apex' | 'pmd' | 'references' | 'view-models';

export interface Finding {
  check: CheckName;
  file: string;
  line?: number;
  element?: string;
  message: string;
}

export function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function formatFinding(finding: Finding): string {
  const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
  const element = finding.element ? ` ${finding.element}:` : '';
  return `[${finding.check}] ${where}${element} ${finding.message}`;
}
