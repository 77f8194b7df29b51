// The view-model AccountPlaysController.getPlays returns, declared once. The Apex inner classes and the jest fixtures
// (__tests__/data/*.json) use exactly these names; records reuse successModel's input types and add the fields and
// relationships the controller selects.
import type {
  AccountRecord,
  PlaybookConfig,
  PlaybookStepConfig,
  PlayRecord,
  PlayTaskRecord,
  Widen
} from 'c/successModel';
import type { NamedRecord, PanelRole } from '../accountSuccessPanel/panelTypes';

export interface PanelPlay extends PlayRecord {
  Name?: string | null;
  Account__c?: string | null;
  Outcome_Comment__c?: string | null;
}

/** A step: a Task whose WhatId is the play, with its owner's name. */
export interface PlayStep extends PlayTaskRecord {
  Owner?: NamedRecord | null;
}

export interface PlaybookOption extends PlaybookConfig {
  Description__c?: string | null;
}

export interface PlaybookConfigs {
  playbooks: PlaybookOption[];
  steps: PlaybookStepConfig[];
}

export interface PlaysViewModel {
  account: AccountRecord & { Id: string; OwnerId?: string | null };
  /** Open plays, the 20 most recently started. */
  openPlays: PanelPlay[];
  /** Every open play of the account: more than openPlays.length when the list is cut. */
  openPlayCount: number;
  /** Closed plays, the 10 most recently closed. */
  closedPlays: PanelPlay[];
  closedPlayCount: number;
  /** The Tasks of the open plays listed, the first 500 by due date. */
  steps: PlayStep[];
  stepCount: number;
  /** Roles of the Active charter for the account's stage: who owns the steps of a play started now. */
  roles: PanelRole[];
  config: PlaybookConfigs;
}

/** The view-model as JSON delivers it (string unions widened to string). */
export type PlaysViewModelJson = Widen<PlaysViewModel>;
