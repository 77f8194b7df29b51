// What the Metadata API keeps between restarts: deploy results (so checkDeployStatus answers after a restart) and
// every deployed component in metadata shape (so listMetadata and readMetadata answer what was deployed).
import type { XmlObject } from './xml';

export interface DeployMessage {
  changed: boolean;
  columnNumber?: number;
  componentType: string;
  created: boolean;
  createdDate: string;
  deleted: boolean;
  fileName: string;
  fullName: string;
  id?: string;
  lineNumber?: number;
  problem?: string;
  problemType?: 'Warning' | 'Error';
  success: boolean;
}

export type DeployStatus =
  'Pending' | 'InProgress' | 'Succeeded' | 'SucceededPartial' | 'Failed' | 'Canceling' | 'Canceled';

export interface DeployRecord {
  id: string;
  status: DeployStatus;
  done: boolean;
  success: boolean;
  checkOnly: boolean;
  rollbackOnError: boolean;
  ignoreWarnings: boolean;
  createdDate: string;
  startDate?: string;
  completedDate?: string;
  lastModifiedDate: string;
  stateDetail?: string;
  errorMessage?: string;
  errorStatusCode?: string;
  numberComponentsTotal: number;
  numberComponentsDeployed: number;
  numberComponentErrors: number;
  successes: DeployMessage[];
  failures: DeployMessage[];
}

export interface StoredComponent {
  type: string;
  fullName: string;
  fileName: string;
  id: string;
  createdDate: string;
  lastModifiedDate: string;
  /** The component in metadata shape (the parsed XML file; children of CustomObject stored on their own). */
  metadata: XmlObject;
  /** Opaque components: every file of the component, base64, keyed by its path in the zip. */
  files?: Record<string, string>;
}

export interface MetadataState {
  version: 1;
  /** Counter behind every id this API hands out. */
  sequence: number;
  components: Record<string, Record<string, StoredComponent>>;
  deploys: Record<string, DeployRecord>;
}

/** Deploy results older than the newest ones are forgotten, like the platform's 30-day window. */
export const MAX_KEPT_DEPLOYS = 100;

export function emptyState(): MetadataState {
  return { version: 1, sequence: 1, components: {}, deploys: {} };
}

export function normalizeState(value: unknown): MetadataState {
  if (typeof value !== 'object' || value === null) return emptyState();
  const v = value as Partial<MetadataState>;
  if (v.version !== 1) return emptyState();
  return {
    version: 1,
    sequence: typeof v.sequence === 'number' ? v.sequence : 1,
    components: v.components ?? {},
    deploys: v.deploys ?? {}
  };
}
