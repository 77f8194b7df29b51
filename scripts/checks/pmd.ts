// Check 4: PMD through Salesforce Code Analyzer, offline with the local Java: the Security
// rules (CRUD/FLS, sharing, SOQL injection...) and the AppExchange security review selector.
// A file PMD could not parse is a failure too: Code Analyzer only logs those.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  type EngineLogEvent
} from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { apexFiles } from './apex';
import { relativeTo, type Finding } from './findings';

export const PMD_SELECTORS = ['pmd:Security', 'pmd:AppExchange'];

export interface PmdResult {
  findings: Finding[];
  rules: number;
  files: number;
}

const PROCESSING_ERROR = /processing error for file '([^']+)':\s*([\s\S]*)/;

export async function checkPmd(root: string): Promise<PmdResult> {
  const files = apexFiles(root);
  if (!files.length) return { findings: [], rules: 0, files: 0 };
  const logFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-pmd-log-'));
  try {
    const config = CodeAnalyzerConfig.fromObject(
      { log_folder: logFolder, config_root: root, engines: { cpd: { disable_engine: true } } },
      root
    );
    const analyzer = new CodeAnalyzer(config);
    const findings: Finding[] = [];
    analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
      if (event.logLevel !== LogLevel.Error) return;
      const match = PROCESSING_ERROR.exec(event.message);
      const file = match ? relativeTo(root, match[1]) : 'force-app';
      const detail = (match ? match[2] : event.message).trim().split('\n')[0];
      const line = /at (\d+):\d+/.exec(event.message);
      findings.push({
        check: 'pmd',
        file,
        line: line ? Number(line[1]) : undefined,
        element: 'processing error',
        message: `PMD could not analyse this file, so its security rules did not run: ${detail.slice(0, 300)}`
      });
    });
    await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
    const workspace = await analyzer.createWorkspace(files);
    const selection = await analyzer.selectRules(PMD_SELECTORS, { workspace });
    const results = await analyzer.run(selection, { workspace });
    for (const violation of results.getViolations()) {
      const location = violation.getPrimaryLocation();
      findings.push({
        check: 'pmd',
        file: relativeTo(root, location.getFile() ?? root),
        line: location.getStartLine(),
        element: violation.getRule().getName(),
        message: violation.getMessage()
      });
    }
    return { findings, rules: selection.getCount(), files: files.length };
  } finally {
    fs.rmSync(logFolder, { recursive: true, force: true });
  }
}
