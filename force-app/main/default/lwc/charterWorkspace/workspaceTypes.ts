// The charter workspace view-model: exactly what CharterWorkspaceController.getWorkspace returns (and what a local
// preview's getWorkspace must return). Records reuse successModel's input types; relationship names the Apex adds
// (Owner__r.Name and the like) are declared here.

import type {
  AccountRecord,
  CharterMilestone,
  CharterObjective,
  CharterRisk,
  CharterRole,
  CustomerGoal,
  CustomerRisk,
  HealthBandConfig,
  HealthDimensionConfig,
  IcpCriterionConfig,
  IsoDate,
  ProgramAggregates,
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
  accounts: number;
}

export interface WorkspaceData {
  /** "Today" for every date rule on screen: the server's date, so tests and previews can set it. */
  asOf: IsoDate;
  /** The reporting period of the program metrics (twelve calendar months to today). */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Null when there is no Active charter (or the id asked for is not visible). */
  charter: WorkspaceCharter | null;
  objectives: CharterObjective[];
  roles: WorkspaceRole[];
  milestones: CharterMilestone[];
  risks: WorkspaceRisk[];
  /** Open customer risks linked to the charter's risks, worst first (bounded). */
  riskAccounts: RiskAccount[];
  /** Complete count of accounts per charter risk. */
  riskAccountCounts: RiskAccountCount[];
  program: ProgramAggregates;
  customers: {
    total: number;
    accounts: AccountRecord[];
    goals: CustomerGoal[];
    risks: CustomerRisk[];
  };
  config: {
    dimensions: HealthDimensionConfig[];
    bands: HealthBandConfig[];
    criteria: IcpCriterionConfig[];
  };
}

/** A JSON fixture's type: literal unions widen to their base type, which is what a JSON import gives. */
export type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? Widen<U>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T;

/** What a child asks the workspace to create or edit. */
export interface RecordRequest {
  objectApiName: 'Charter_Objective__c' | 'Charter_Role__c' | 'Charter_Milestone__c' | 'Charter_Risk__c';
  recordId?: string;
}
