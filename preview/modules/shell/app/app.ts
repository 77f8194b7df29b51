import { LightningElement } from 'lwc';

type Route = { page: 'workspace' } | { page: 'accounts' } | { page: 'account'; recordId: string };

/** Parses the preview's hash routes: #/workspace, #/accounts, #/account/<Id>. */
export function parseRoute(hash: string): Route {
  const account = /^#\/account\/([A-Za-z0-9]{15,18})$/.exec(hash);
  if (account) return { page: 'account', recordId: account[1] };
  if (hash === '#/accounts') return { page: 'accounts' };
  return { page: 'workspace' };
}

/** A Lightning Experience-like frame: app name, navigation bar, the page, toasts. */
export default class App extends LightningElement {
  route: Route = parseRoute(window.location.hash);
  private readonly onHashChange = () => {
    this.route = parseRoute(window.location.hash);
  };

  override connectedCallback(): void {
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  get isWorkspace(): boolean {
    return this.route.page === 'workspace';
  }

  get isAccounts(): boolean {
    return this.route.page === 'accounts';
  }

  get isAccount(): boolean {
    return this.route.page === 'account';
  }

  get recordId(): string | undefined {
    return this.route.page === 'account' ? this.route.recordId : undefined;
  }

  get workspaceItemClass(): string {
    return `slds-context-bar__item${this.isWorkspace ? ' slds-is-active' : ''}`;
  }

  get accountsItemClass(): string {
    return `slds-context-bar__item${this.isAccounts || this.isAccount ? ' slds-is-active' : ''}`;
  }

  get workspaceCurrent(): string | null {
    return this.isWorkspace ? 'page' : null;
  }

  get accountsCurrent(): string | null {
    return this.isAccounts || this.isAccount ? 'page' : null;
  }
}
