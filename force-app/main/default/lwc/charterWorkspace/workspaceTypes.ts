// The charter workspace view-model: exactly what CharterWorkspaceController.getWorkspace returns (and what a local
// preview's getWorkspace must return). Records reuse successModel's input types; relationship names the Apex adds
// (Owner__r.Name and the like) are declared here.

import type {
  AccountRecord,
  CharterMilestone,
  CharterObjective,
  CharterRisk,
  CharterRole,
  CustomerRisk,
  HealthBandConfig,
  IsoDate,
  ProgramSnapshotRecord,
  SuccessCharter
} from 'c/successModel';

export interface NamedRef {
  Name?: string | null;
}

export type WorkspaceCharter = SuccessCharter & { Executive_Sponsor__r?: NamedRef | null };
export type WorkspaceRole = CharterRole & { Person__r?: NamedRef | null };
export type WorkspaceRisk = CharterRisk & { Owner__r?: NamedRef | null };
export type RiskAccount = CustomerRisk & { Account__r?: NamedRef | null };

export interface RiskAccountCount {
  riskId: string;
  /** Open customer risks linked to the charter risk (one per account, unless an account holds two). */
  accounts: number;
}

/**
 * Customers of one ideal-customer tier and health band, as the scoring run stored them. An unknown (blank) tier or
 * band is absent: the Aura serializer drops null properties of Apex objects.
 */
export interface TierBandCount {
  tier?: string | null;
  band?: string | null;
  accounts: number;
}

/** An account with the health the scoring run stored on it (as of Health_Scored_At__c). */
export type AttentionAccount = AccountRecord & {
  Health_Score__c?: number | null;
  Health_Band__c?: string | null;
  Fit_Score__c?: number | null;
  Fit_Tier__c?: string | null;
  Health_Scored_At__c?: string | null;
};

export interface WorkspaceConfig {
  bands: HealthBandConfig[];
}

export interface WorkspaceData {
  /** "Today" for every date rule on screen: the server's date, so tests and previews can set it. */
  asOf: IsoDate;
  /** Null when there is no Active charter (or the id asked for is not visible). */
  charter: WorkspaceCharter | null;
  objectives: CharterObjective[];
  roles: WorkspaceRole[];
  milestones: CharterMilestone[];
  risks: WorkspaceRisk[];
  /** Open customer risks linked to the charter's risks, worst first (the first 1,000). */
  riskAccounts: RiskAccount[];
  /** Complete count of open customer risks per charter risk. */
  riskAccountCounts: RiskAccountCount[];
  /** The latest scoring run's program snapshots (one per segment); empty until the book is first scored. */
  program: ProgramSnapshotRecord[];
  /** Every customer, counted by stored tier and band. */
  tierBandCounts: TierBandCount[];
  /** The ten scored customers with the lowest stored health. */
  attention: AttentionAccount[];
  /** When the most recently scored account was scored (a datetime); null before the first run. */
  lastScoredAt: string | null;
  config: WorkspaceConfig;
  /** Accounts whose fresh sentiment disagrees with their stored band (successModel's rule), the 10 latest recorded. */
  sentimentDisagreements: AttentionAccount[];
  /** Every account whose fresh sentiment disagrees with its stored band. */
  sentimentDisagreementCount: number;
}

/** What a child asks the workspace to create or edit. */
export interface RecordRequest {
  objectApiName: 'Charter_Objective__c' | 'Charter_Role__c' | 'Charter_Milestone__c' | 'Charter_Risk__c';
  recordId?: string;
}
