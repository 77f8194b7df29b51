import { LightningElement, api } from 'lwc';
import type { FieldInfo, FieldRegistration } from '../recordEditForm/formTypes';

function fieldName(value: unknown): string {
  return typeof value === 'string' ? value : String((value as { fieldApiName?: string })?.fieldApiName ?? '');
}

/** The preview's lightning-input-field: renders the right input for the field's type from describe. */
export default class InputField extends LightningElement {
  @api fieldName: unknown;
  @api disabled = false;
  @api required = false;
  @api variant: string | undefined;
  private hasExplicitValue = false;
  current: unknown;
  info: FieldInfo | undefined;
  options: Array<{ label: string; value: string }> = [];
  errors: string[] = [];
  private registration: FieldRegistration | undefined;

  @api
  get value(): unknown {
    return this.current;
  }
  set value(value: unknown) {
    this.hasExplicitValue = true;
    this.current = value;
  }

  override connectedCallback(): void {
    this.registration = {
      fieldName: fieldName(this.fieldName),
      value: () => this.current,
      setup: (info, recordValue) => {
        this.info = info;
        if (!this.hasExplicitValue) this.current = recordValue ?? null;
        if (info?.dataType === 'Picklist')
          this.options = [{ label: '--None--', value: '' }, ...(info.picklistValues ?? [])];
        if (info?.dataType === 'Reference' && info.referenceTo?.length) this.loadLookup(info.referenceTo[0]);
      },
      setErrors: (messages) => {
        this.errors = messages;
      }
    };
    this.dispatchEvent(
      new CustomEvent('previewfieldregister', { bubbles: true, composed: true, detail: this.registration })
    );
  }

  override disconnectedCallback(): void {
    this.dispatchEvent(
      new CustomEvent('previewfieldunregister', { bubbles: true, composed: true, detail: this.registration })
    );
  }

  private async loadLookup(objectApiName: string): Promise<void> {
    const response = await fetch(`/preview/api/ui/lookup/${encodeURIComponent(objectApiName)}`);
    if (response.ok)
      this.options = [
        { label: '--None--', value: '' },
        ...((await response.json()) as Array<{ label: string; value: string }>)
      ];
  }

  get label(): string {
    return this.info?.label ?? fieldName(this.fieldName);
  }

  get isRequired(): boolean {
    return this.required || Boolean(this.info?.required);
  }

  get type(): string {
    return this.info?.dataType ?? 'String';
  }

  get isText(): boolean {
    return !this.isTextArea && !this.isNumber && !this.isDate && !this.isCheckbox && !this.isCombobox;
  }
  get isTextArea(): boolean {
    return this.type === 'TextArea';
  }
  get isNumber(): boolean {
    return ['Double', 'Currency', 'Percent', 'Int'].includes(this.type);
  }
  get isDate(): boolean {
    return this.type === 'Date';
  }
  get isCheckbox(): boolean {
    return this.type === 'Boolean';
  }
  get isCombobox(): boolean {
    return this.type === 'Picklist' || this.type === 'Reference';
  }
  get textValue(): string {
    return this.current === null || this.current === undefined ? '' : String(this.current);
  }
  get checked(): boolean {
    return this.current === true;
  }
  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
  get errorText(): string {
    return this.errors.join(' ');
  }
  /** A text or text area field's length limit (numbers and dates have none). */
  get maxLength(): number | undefined {
    return this.isText || this.isTextArea ? this.info?.maxLength || undefined : undefined;
  }
  /** The lightning-input type for a text, number or date field; undefined for the others. */
  get inputType(): 'text' | 'number' | 'date' | undefined {
    if (this.isText) return 'text';
    if (this.isNumber) return 'number';
    return this.isDate ? 'date' : undefined;
  }
  /** Numbers take any decimals the field allows: the org, not the browser, rounds them. */
  get step(): string | undefined {
    return this.isNumber ? 'any' : undefined;
  }
  get helpText(): string | undefined {
    return this.info?.inlineHelpText;
  }

  handleChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
    const target = event.target as HTMLInputElement;
    if (this.isCheckbox) this.current = event.detail.checked ?? target.checked;
    else if (this.isNumber)
      this.current = event.detail.value === '' || event.detail.value === undefined ? null : Number(event.detail.value);
    else this.current = event.detail.value === '' ? null : event.detail.value;
  }
}
