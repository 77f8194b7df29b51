import { LightningElement } from 'lwc';

interface PreviewUserOption {
  key: string;
  label: string;
}

/**
 * "View as": the people the preview can run as (admin, account manager, viewer). Choosing one sets the preview
 * server's user for every later request and reloads the page, so each component loads again as that user.
 */
export default class UserSwitch extends LightningElement {
  users: PreviewUserOption[] = [];
  current = '';

  override async connectedCallback(): Promise<void> {
    const response = await fetch('/preview/api/users');
    if (!response.ok) return;
    const body = (await response.json()) as { current: string; users: PreviewUserOption[] };
    this.current = body.current;
    this.users = body.users;
  }

  get options(): Array<PreviewUserOption & { selected: boolean }> {
    return this.users.map((u) => ({ ...u, selected: u.key === this.current }));
  }

  get hasChoice(): boolean {
    return this.users.length > 1;
  }

  async handleChange(event: Event): Promise<void> {
    const key = (event.target as HTMLSelectElement).value;
    const response = await fetch('/preview/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key })
    });
    if (response.ok) window.location.reload();
  }
}
