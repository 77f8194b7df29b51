// Preview binding of lightning/navigation: record and object pages become preview routes
// (#/account/<id>, #/accounts, #/workspace); anything else is announced and ignored.
interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

export function urlFor(pageReference: PageReference): string {
  const attributes = pageReference.attributes ?? {};
  if (pageReference.type === 'standard__recordPage') {
    const objectApiName = String(attributes.objectApiName ?? '');
    if (objectApiName === 'Account' || String(attributes.recordId ?? '').startsWith('001')) {
      return `#/account/${attributes.recordId}`;
    }
    return `#/workspace/${attributes.recordId}`;
  }
  if (pageReference.type === 'standard__objectPage' && attributes.objectApiName === 'Account') return '#/accounts';
  return '#/workspace';
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin must accept any constructor signature
type Constructor = new (...args: any[]) => object;

export function NavigationMixin<T extends Constructor>(Base: T) {
  return class extends Base {
    [Navigate](pageReference: PageReference): void {
      window.location.hash = urlFor(pageReference);
    }
    [GenerateUrl](pageReference: PageReference): Promise<string> {
      return Promise.resolve(urlFor(pageReference));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Wire adapter: the current page reference, from the preview route. */
export class CurrentPageReference {
  constructor(private readonly dataCallback: (value: PageReference) => void) {}
  update(): void {
    this.dataCallback({ type: 'standard__navItemPage', attributes: {}, state: {} });
  }
  connect(): void {}
  disconnect(): void {}
}
