// Platform modules that @salesforce/lightning-types does not describe.
// No top-level import here: one would turn this file into a module and the wildcard
// declarations below would silently stop applying.

declare module '@salesforce/apex/*' {
  // Each Apex method is imported as a function (imperative call, answering a Promise) that is also a wire adapter
  // (`@wire(method, config)`). The lwc type is referenced inline: a top-level import would stop the wildcards applying.
  const apexMethod: ((params?: Record<string, unknown>) => Promise<any>) & import('lwc').WireAdapterConstructor;
  export default apexMethod;
}

declare module '@salesforce/apex' {
  export function refreshApex(value: unknown): Promise<void>;
}

declare module '@salesforce/schema/*' {
  const field: { fieldApiName: string; objectApiName: string };
  export default field;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/customPermission/*' {
  const hasPermission: boolean;
  export default hasPermission;
}

declare module 'lightning/uiRecordApi' {
  export interface RecordInput {
    apiName?: string;
    fields: Record<string, unknown>;
  }
  export interface FieldValue {
    value: unknown;
    displayValue: string | null;
  }
  export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, FieldValue>;
  }
  export const getRecord: any;
  export const getRecords: any;
  export const getFieldValue: (record: unknown, field: unknown) => any;
  export const getFieldDisplayValue: (record: unknown, field: unknown) => any;
  export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
  export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
  export function deleteRecord(recordId: string): Promise<void>;
  export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}

declare module 'lightning/uiObjectInfoApi' {
  export const getObjectInfo: any;
  export const getObjectInfos: any;
  export const getPicklistValues: any;
  export const getPicklistValuesByRecordType: any;
}

declare module 'lightning/navigation' {
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  export const CurrentPageReference: any;
  export function NavigationMixin<T extends new (...args: any[]) => any>(base: T): T;
  export namespace NavigationMixin {
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
  }
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventInit {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit);
  }
}

declare module 'lightning/refresh' {
  export class RefreshEvent extends CustomEvent<unknown> {
    constructor();
  }
  export function registerRefreshHandler(host: unknown, handler: () => Promise<boolean> | void): string;
  export function unregisterRefreshHandler(id: string): void;
}

declare module 'lightning/messageService' {
  export const MessageContext: any;
  export function publish(context: unknown, channel: unknown, message?: unknown): void;
  export function subscribe(
    context: unknown,
    channel: unknown,
    listener: (message: any) => void,
    options?: unknown
  ): unknown;
  export function unsubscribe(subscription: unknown): void;
}

declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/currency' {
  const currency: string;
  export default currency;
}
