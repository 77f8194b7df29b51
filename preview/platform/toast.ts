// Preview binding of lightning/platformShowToastEvent: the same event name Lightning listens for;
// the preview shell shows the toast.
export class ShowToastEvent extends CustomEvent<{ title: string; message?: string; variant?: string; mode?: string }> {
  constructor(detail: { title: string; message?: string; variant?: string; mode?: string }) {
    super('lightning__showtoast', { composed: true, cancelable: true, bubbles: true, detail });
  }
}
