// Builds the local preview: the product's components (the same .js `npm run build` writes for
// the platform) and the preview shell, compiled by the open-source LWC compiler with
// lightning-base-components, synthetic shadow and SLDS. Platform modules (@salesforce/apex,
// labels, schema, uiRecordApi, navigation, toasts) bind to the preview server.
import fs from 'node:fs';
import path from 'node:path';
import { rollup, type Plugin, type RollupOutput } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { XMLParser } from 'fast-xml-parser';
import { DEFAULT_DIR, LWC_DIR, PROJECT_ROOT } from '../scripts/lib/paths';

export const PREVIEW_DIR = path.join(PROJECT_ROOT, 'preview');
export const DIST_DIR = path.join(PREVIEW_DIR, 'dist');
const SHELL_DIR = path.join(PREVIEW_DIR, 'modules', 'shell');

/** Every custom label in force-app, by name. */
export function readLabels(labelsDir: string = path.join(DEFAULT_DIR, 'labels')): Map<string, string> {
  const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
  const labels = new Map<string, string>();
  if (!fs.existsSync(labelsDir)) return labels;
  for (const file of fs.readdirSync(labelsDir).filter((f) => f.endsWith('.labels-meta.xml'))) {
    const doc = parser.parse(fs.readFileSync(path.join(labelsDir, file), 'utf8'));
    for (const label of doc.CustomLabels?.labels ?? []) labels.set(String(label.fullName), String(label.value ?? ''));
  }
  return labels;
}

/** The locale and currency @salesforce/i18n gives the preview's components. */
export const PREVIEW_LOCALE = 'en-US';
export const PREVIEW_CURRENCY = 'USD';

const PLATFORM: Record<string, string> = {
  '@salesforce/apex': path.join(PREVIEW_DIR, 'platform', 'apex.js'),
  'lightning/uiRecordApi': path.join(PREVIEW_DIR, 'platform', 'uiRecordApi.js'),
  'lightning/uiObjectInfoApi': path.join(PREVIEW_DIR, 'platform', 'uiObjectInfoApi.js'),
  'lightning/platformShowToastEvent': path.join(PREVIEW_DIR, 'platform', 'toast.js'),
  'lightning/navigation': path.join(PREVIEW_DIR, 'platform', 'navigation.js')
};

/** Resolves the platform's virtual modules before the LWC resolver looks for them. */
export function platformModules(labels: Map<string, string>): Plugin {
  const VIRTUAL = '\0preview:';
  return {
    name: 'preview-platform-modules',
    resolveId(source) {
      if (PLATFORM[source]) return PLATFORM[source];
      // Synthetic shadow cannot attach element internals, so this base-component gate stays closed.
      if (source === '@salesforce/gate/bc.260.enableComboboxElementInternals') return VIRTUAL + source;
      // Only the product's own labels: lightning-base-components brings its labels itself.
      if (/^@salesforce\/(label\/c\.|schema\/|apex\/|user\/|i18n\/(locale|currency)$)/.test(source))
        return VIRTUAL + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);
      if (source.startsWith('@salesforce/gate/')) return 'export default { isOpen: () => false };';
      const [, kind, rest] = /^@salesforce\/(\w+)\/(.+)$/.exec(source) as RegExpExecArray;
      if (kind === 'label') {
        const name = rest.replace(/^c\./, '');
        if (!labels.has(name)) this.error(`custom label ${name} is not in force-app/main/default/labels`);
        return `export default ${JSON.stringify(labels.get(name))};`;
      }
      if (kind === 'schema') {
        const [objectApiName, ...field] = rest.split('.');
        const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
        return `export default ${JSON.stringify(value)};`;
      }
      if (kind === 'apex') {
        const [className, methodName] = rest.split('.');
        return `import { apexMethod } from ${JSON.stringify(PLATFORM['@salesforce/apex'])};\nexport default apexMethod(${JSON.stringify(className)}, ${JSON.stringify(methodName)});`;
      }
      // The user the page runs as, from the shell page the server wrote for them (View as reloads the page).
      if (kind === 'user' && rest === 'Id')
        return 'export default document.querySelector(\'meta[name="preview-user-id"]\')?.getAttribute("content") || undefined;';
      if (kind === 'user' && rest === 'isGuest') return 'export default false;';
      // The preview's users are the local org's, created en_US with the org's corporate currency, USD: the locale
      // and currency Lightning Experience gives figureFormat for them.
      if (kind === 'i18n' && rest === 'locale') return `export default ${JSON.stringify(PREVIEW_LOCALE)};`;
      if (kind === 'i18n' && rest === 'currency') return `export default ${JSON.stringify(PREVIEW_CURRENCY)};`;
      this.error(`the preview has no binding for ${source}`);
    }
  };
}

/** Module records: one per product component (its compiled .js) and per shell component. */
export function moduleRecords(): Array<{ name: string; path: string } | { npm: string }> {
  const records: Array<{ name: string; path: string } | { npm: string }> = [];
  for (const name of fs.readdirSync(LWC_DIR).sort()) {
    const js = path.join(LWC_DIR, name, `${name}.js`);
    if (fs.existsSync(path.join(LWC_DIR, name, `${name}.js-meta.xml`))) {
      if (!fs.existsSync(js)) throw new Error(`${path.relative(PROJECT_ROOT, js)} is missing: run npm run build first`);
      records.push({ name: `c/${name}`, path: js });
    }
  }
  for (const name of fs.readdirSync(SHELL_DIR).sort()) {
    const js = path.join(SHELL_DIR, name, `${name}.js`);
    if (fs.existsSync(js)) records.push({ name: `shell/${name}`, path: js });
  }
  // Base components that need Lightning Data Service have preview versions backed by the local org;
  // listed before lightning-base-components so they win.
  const lightningDir = path.join(PREVIEW_DIR, 'modules', 'lightning');
  for (const name of fs.readdirSync(lightningDir).sort()) {
    const js = path.join(lightningDir, name, `${name}.js`);
    if (fs.existsSync(js)) records.push({ name: `lightning/${name}`, path: js });
  }
  records.push({ npm: 'lightning-base-components' });
  return records;
}

export interface PreviewBuild {
  files: string[];
  milliseconds: number;
}

export async function buildPreview(options: { entry?: string; outDir?: string } = {}): Promise<PreviewBuild> {
  const started = Date.now();
  const bundle = await rollup({
    input: options.entry ?? path.join(PREVIEW_DIR, 'main.js'),
    plugins: [
      platformModules(readLabels()),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' }
      }),
      lwc({ modules: moduleRecords(), exclude: ['**/*.json'] }),
      nodeResolve()
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    }
  });
  try {
    const output: RollupOutput = await bundle.write({
      dir: options.outDir ?? DIST_DIR,
      format: 'esm',
      entryFileNames: 'main.js'
    });
    return { files: output.output.map((o) => o.fileName), milliseconds: Date.now() - started };
  } finally {
    await bundle.close();
  }
}

if (require.main === module) {
  buildPreview().then(
    (result) => console.log(`preview built in ${result.milliseconds} ms: ${result.files.join(', ')}`),
    (error) => {
      console.error(`preview build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  );
}
