// npm run build:plugin: the command classes as the sf CLI loads them from a linked plugin. oclif registers tsx for a
// linked CommonJS plugin only as a require hook, and the commands are ESM (the framework is), so the sf CLI gets
// them compiled: one ESM bundle per command in dist/commands (package.json oclif.commands), packages left to
// node_modules. `npm run <name>` never needs this: it runs the TypeScript sources.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../lib/paths';

async function main(): Promise<void> {
  const outdir = path.join(PROJECT_ROOT, 'dist', 'commands');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: ['scripts/commands/**/*.mts'],
    outbase: 'scripts/commands',
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
    // The sources are CommonJS-minded (__dirname, require of JSON): give each bundle both, from its own location.
    banner: {
      js: [
        "import { createRequire as __csCreateRequire } from 'node:module';",
        "import { fileURLToPath as __csFileURLToPath } from 'node:url';",
        "import { dirname as __csDirname } from 'node:path';",
        'const require = __csCreateRequire(import.meta.url);',
        'const __filename = __csFileURLToPath(import.meta.url);',
        'const __dirname = __csDirname(__filename);'
      ].join('\n')
    }
  });
  process.stdout.write(`Built the sf plugin's commands into ${path.relative(PROJECT_ROOT, outdir)}/\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`build:plugin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
