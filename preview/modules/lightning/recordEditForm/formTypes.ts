// What the preview's record edit form and its input fields exchange.
export interface FieldInfo {
  apiName: string;
  label: string;
  dataType: string;
  required: boolean;
  updateable: boolean;
  createable: boolean;
  maxLength?: number;
  picklistValues?: Array<{ label: string; value: string }>;
  referenceTo?: string[];
  inlineHelpText?: string;
}

export interface FieldRegistration {
  fieldName: string;
  value: () => unknown;
  setup: (info: FieldInfo | undefined, recordValue: unknown) => void;
  setErrors: (messages: string[]) => void;
}
