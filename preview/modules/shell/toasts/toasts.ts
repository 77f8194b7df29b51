import { LightningElement } from 'lwc';

interface Toast {
  key: number;
  title: string;
  message?: string;
  variant: string;
}

/** Shows the toasts components fire with ShowToastEvent, as Lightning Experience does. */
export default class Toasts extends LightningElement {
  toasts: Toast[] = [];
  private next = 0;
  private readonly onToast = (event: Event) => {
    const detail = (event as CustomEvent<{ title: string; message?: string; variant?: string }>).detail;
    this.toasts = [
      ...this.toasts,
      { key: this.next++, title: detail.title, message: detail.message, variant: detail.variant ?? 'info' }
    ];
  };

  override connectedCallback(): void {
    document.addEventListener('lightning__showtoast', this.onToast);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('lightning__showtoast', this.onToast);
  }

  get items() {
    return this.toasts.map((t) => ({
      ...t,
      className: `slds-notify slds-notify_toast slds-theme_${t.variant === 'error' ? 'error' : t.variant === 'success' ? 'success' : t.variant === 'warning' ? 'warning' : 'info'}`,
      iconName: `utility:${t.variant === 'error' ? 'error' : t.variant === 'success' ? 'success' : t.variant === 'warning' ? 'warning' : 'info'}`
    }));
  }

  handleClose(event: Event): void {
    const key = Number((event.currentTarget as HTMLElement).dataset.key);
    this.toasts = this.toasts.filter((t) => t.key !== key);
  }
}
