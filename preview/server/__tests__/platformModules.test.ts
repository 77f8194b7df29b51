// The preview's bindings of platform modules: what a component imports from @salesforce/* resolves to what
// Lightning would give the local org's users, and a label force-app does not have stops the build by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { platformModules } from '../../build';

type Hook = (this: { error(message: string): never }, id: string) => unknown;

function load(source: string): unknown {
  const plugin = platformModules(new Map([['Panel_Title', 'Customer success']]));
  const id = (plugin.resolveId as (source: string) => string | null)(source);
  assert.ok(id, `${source} resolves`);
  const context = {
    error(message: string): never {
      throw new Error(message);
    }
  };
  return (plugin.load as Hook).call(context, id);
}

describe('preview platform modules', () => {
  it("gives @salesforce/i18n the local org users' locale and currency (en_US, USD)", () => {
    assert.equal(load('@salesforce/i18n/locale'), 'export default "en-US";');
    assert.equal(load('@salesforce/i18n/currency'), 'export default "USD";');
  });

  it('stops the build on a label it does not have, naming it', () => {
    assert.throws(() => load('@salesforce/label/c.Nope'), /custom label Nope is not in force-app/);
    assert.equal(load('@salesforce/label/c.Panel_Title'), 'export default "Customer success";');
  });

  it('gives @salesforce/user/Id the user the shell page was written for', () => {
    const source = String(load('@salesforce/user/Id'));
    const read = (content: string | null) =>
      new Function('document', source.replace('export default', 'return'))({
        querySelector: (selector: string) =>
          selector === 'meta[name="preview-user-id"]' ? { getAttribute: () => content } : null
      });
    assert.equal(read('005000000000007AAA'), '005000000000007AAA');
    assert.equal(read(''), undefined);
  });
});
