// Shared mock of lightning/platformShowToastEvent: a real CustomEvent named like the platform's.
export const TOAST_EVENT_NAME = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<unknown> {
  constructor(detail: { title: string; message?: string; variant?: string; mode?: string }) {
    super(TOAST_EVENT_NAME, { composed: true, cancelable: true, bubbles: true, detail });
  }
}
