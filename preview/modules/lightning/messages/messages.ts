import { LightningElement } from 'lwc';

/** The preview's lightning-messages: the form's page-level errors after a failed save. */
export default class Messages extends LightningElement {
  messages: string[] = [];
  private readonly onError = (event: Event) => {
    const body = (event as CustomEvent<{ message?: string; output?: { errors?: Array<{ message: string }> } }>).detail;
    const pageErrors = body?.output?.errors?.map((e) => e.message) ?? [];
    this.messages = pageErrors.length ? pageErrors : body?.message ? [body.message] : [];
  };

  override connectedCallback(): void {
    this.addEventListener('previewformerror', this.onError);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('previewformerror', this.onError);
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  get items(): Array<{ key: number; text: string }> {
    return this.messages.map((text, key) => ({ key, text }));
  }
}
