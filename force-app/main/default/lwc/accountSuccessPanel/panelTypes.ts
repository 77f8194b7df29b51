// The view-model AccountSuccessController.getPanel returns, declared once. The Apex inner classes and the jest
// fixtures (__tests__/data/*.json) use exactly these names; records reuse successModel's input types and add the
// relationship fields the controller selects.
import type {
  AccountRecord,
  CharterRole,
  CustomerGoal,
  CustomerRisk,
  HealthBandConfig,
  HealthSnapshotRecord,
  HealthDimensionConfig,
  IcpCriterionConfig,
  KeyFeatureConfig,
  LifecycleStageConfig,
  OpportunityRecord,
  ProductUsageRecord,
  SuccessCharter,
  Widen
} from 'c/successModel';

export interface NamedRecord {
  Id?: string;
  Name?: string | null;
}

export interface PanelGoal extends CustomerGoal {
  Charter_Objective__r?: NamedRecord | null;
  Owner__r?: NamedRecord | null;
}

export interface PanelRisk extends CustomerRisk {
  Charter_Risk__r?: (NamedRecord & { Category__c?: string | null }) | null;
  Owner__r?: NamedRecord | null;
}

export interface PanelRole extends CharterRole {
  Person__r?: NamedRecord | null;
}

export interface PanelViewModelConfig {
  dimensions: HealthDimensionConfig[];
  bands: HealthBandConfig[];
  stages: LifecycleStageConfig[];
  criteria: IcpCriterionConfig[];
  keyFeatures: KeyFeatureConfig[];
}

export interface PanelViewModel {
  account: AccountRecord & { Id: string };
  /** The Active charter, or null when none is active. */
  charter: Pick<SuccessCharter, 'Id' | 'Name' | 'Status__c'> | null;
  /** The account's goals by target date, the first 2,000 (the Apex bounds the heap). */
  goals: PanelGoal[];
  /** Every goal of the account: more than goals.length when the list is cut. */
  goalCount: number;
  /** Open customer risks (Closed ones are not loaded), the 50 highest-scored. */
  risks: PanelRisk[];
  /** Every open risk of the account. */
  openRiskCount: number;
  /** CS-sourced opportunities of the account, the first 500 by close date. */
  opportunities: OpportunityRecord[];
  /** Every CS-sourced opportunity of the account. */
  opportunityCount: number;
  /** Roles of the Active charter for the account's lifecycle stage. */
  roles: PanelRole[];
  /** The latest 13 weekly usage rollups, newest first: the week in progress and the twelve complete weeks before. */
  usage: ProductUsageRecord[];
  /** The latest 12 health snapshots, newest first: the trend and the baseline of what changed. */
  healthSnapshots: HealthSnapshotRecord[];
  config: PanelViewModelConfig;
}

/** The view-model as JSON delivers it (string unions widened to string). */
export type PanelViewModelJson = Widen<PanelViewModel>;
