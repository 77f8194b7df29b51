// The strings charterRecordModal still takes from here; every other charter component imports its own labels.

import Save from '@salesforce/label/c.Workspace_Save';
import Cancel from '@salesforce/label/c.Workspace_Cancel';
import SaveError from '@salesforce/label/c.Workspace_SaveError';

export const LABELS = {
  Save,
  Cancel,
  SaveError
} as const;
