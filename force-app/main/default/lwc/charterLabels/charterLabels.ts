// Every string the charter workspace shows, imported once so its components share one list of custom labels.

import Title from '@salesforce/label/c.Workspace_Title';
import Loading from '@salesforce/label/c.Workspace_Loading';
import LoadError from '@salesforce/label/c.Workspace_LoadError';
import NoCharter from '@salesforce/label/c.Workspace_NoCharter';
import TabCharter from '@salesforce/label/c.Workspace_TabCharter';
import TabObjectives from '@salesforce/label/c.Workspace_TabObjectives';
import TabTeam from '@salesforce/label/c.Workspace_TabTeam';
import TabRoadmap from '@salesforce/label/c.Workspace_TabRoadmap';
import TabRisks from '@salesforce/label/c.Workspace_TabRisks';
import TabCustomers from '@salesforce/label/c.Workspace_TabCustomers';
import Edit from '@salesforce/label/c.Workspace_Edit';
import Save from '@salesforce/label/c.Workspace_Save';
import Cancel from '@salesforce/label/c.Workspace_Cancel';
import Saved from '@salesforce/label/c.Workspace_Saved';
import SaveError from '@salesforce/label/c.Workspace_SaveError';
import Mission from '@salesforce/label/c.Workspace_Mission';
import Vision from '@salesforce/label/c.Workspace_Vision';
import WhyItMatters from '@salesforce/label/c.Workspace_WhyItMatters';
import Problems from '@salesforce/label/c.Workspace_Problems';
import Opportunities from '@salesforce/label/c.Workspace_Opportunities';
import CostOfInaction from '@salesforce/label/c.Workspace_CostOfInaction';
import Sponsor from '@salesforce/label/c.Workspace_Sponsor';
import Status from '@salesforce/label/c.Workspace_Status';
import Version from '@salesforce/label/c.Workspace_Version';
import Blank from '@salesforce/label/c.Workspace_Blank';
import EditStatement from '@salesforce/label/c.Workspace_EditStatement';
import Completeness from '@salesforce/label/c.Workspace_Completeness';
import Complete from '@salesforce/label/c.Workspace_Complete';
import Incomplete from '@salesforce/label/c.Workspace_Incomplete';
import PartStatement from '@salesforce/label/c.Workspace_PartStatement';
import PartObjectives from '@salesforce/label/c.Workspace_PartObjectives';
import PartRoles from '@salesforce/label/c.Workspace_PartRoles';
import PartRoadmap from '@salesforce/label/c.Workspace_PartRoadmap';
import PartRisks from '@salesforce/label/c.Workspace_PartRisks';
import Objectives from '@salesforce/label/c.Workspace_Objectives';
import Objective from '@salesforce/label/c.Workspace_Objective';
import Baseline from '@salesforce/label/c.Workspace_Baseline';
import Current from '@salesforce/label/c.Workspace_Current';
import Target from '@salesforce/label/c.Workspace_Target';
import Progress from '@salesforce/label/c.Workspace_Progress';
import Computed from '@salesforce/label/c.Workspace_Computed';
import WholeBook from '@salesforce/label/c.Workspace_WholeBook';
import NoObjectives from '@salesforce/label/c.Workspace_NoObjectives';
import AddObjective from '@salesforce/label/c.Workspace_AddObjective';
import EditRecord from '@salesforce/label/c.Workspace_EditRecord';
import ProgramMetrics from '@salesforce/label/c.Workspace_ProgramMetrics';
import CustomersAchieving from '@salesforce/label/c.Workspace_CustomersAchieving';
import GoalsAchieved from '@salesforce/label/c.Workspace_GoalsAchieved';
import AchievementRate from '@salesforce/label/c.Workspace_AchievementRate';
import ValueRealized from '@salesforce/label/c.Workspace_ValueRealized';
import MedianDays from '@salesforce/label/c.Workspace_MedianDays';
import P75Days from '@salesforce/label/c.Workspace_P75Days';
import CsRevenue from '@salesforce/label/c.Workspace_CsRevenue';
import ByStage from '@salesforce/label/c.Workspace_ByStage';
import ByTier from '@salesforce/label/c.Workspace_ByTier';
import Trend from '@salesforce/label/c.Workspace_Trend';
import Month from '@salesforce/label/c.Workspace_Month';
import Segment from '@salesforce/label/c.Workspace_Segment';
import Period from '@salesforce/label/c.Workspace_Period';
import NotAvailable from '@salesforce/label/c.Workspace_NotAvailable';
import Raci from '@salesforce/label/c.Workspace_Raci';
import Stage from '@salesforce/label/c.Workspace_Stage';
import Responsible from '@salesforce/label/c.Workspace_Responsible';
import Accountable from '@salesforce/label/c.Workspace_Accountable';
import Consulted from '@salesforce/label/c.Workspace_Consulted';
import Informed from '@salesforce/label/c.Workspace_Informed';
import Gap from '@salesforce/label/c.Workspace_Gap';
import Conflict from '@salesforce/label/c.Workspace_Conflict';
import AddRole from '@salesforce/label/c.Workspace_AddRole';
import NoRoles from '@salesforce/label/c.Workspace_NoRoles';
import Unstaged from '@salesforce/label/c.Workspace_Unstaged';
import Responsibilities from '@salesforce/label/c.Workspace_Responsibilities';
import Department from '@salesforce/label/c.Workspace_Department';
import Roadmap from '@salesforce/label/c.Workspace_Roadmap';
import NoMilestones from '@salesforce/label/c.Workspace_NoMilestones';
import AddMilestone from '@salesforce/label/c.Workspace_AddMilestone';
import Audience from '@salesforce/label/c.Workspace_Audience';
import Channel from '@salesforce/label/c.Workspace_Channel';
import Message from '@salesforce/label/c.Workspace_Message';
import Type from '@salesforce/label/c.Workspace_Type';
import Date from '@salesforce/label/c.Workspace_Date';
import State from '@salesforce/label/c.Workspace_State';
import StateDone from '@salesforce/label/c.Workspace_StateDone';
import StateOnTrack from '@salesforce/label/c.Workspace_StateOnTrack';
import StateDueSoon from '@salesforce/label/c.Workspace_StateDueSoon';
import StateOverdue from '@salesforce/label/c.Workspace_StateOverdue';
import StateCancelled from '@salesforce/label/c.Workspace_StateCancelled';
import StateUnscheduled from '@salesforce/label/c.Workspace_StateUnscheduled';
import NoDate from '@salesforce/label/c.Workspace_NoDate';
import HeatMap from '@salesforce/label/c.Workspace_HeatMap';
import Likelihood from '@salesforce/label/c.Workspace_Likelihood';
import Impact from '@salesforce/label/c.Workspace_Impact';
import Enablers from '@salesforce/label/c.Workspace_Enablers';
import NoEnablers from '@salesforce/label/c.Workspace_NoEnablers';
import Register from '@salesforce/label/c.Workspace_Register';
import Score from '@salesforce/label/c.Workspace_Score';
import Residual from '@salesforce/label/c.Workspace_Residual';
import Assessment from '@salesforce/label/c.Workspace_Assessment';
import CorrectiveAction from '@salesforce/label/c.Workspace_CorrectiveAction';
import Owner from '@salesforce/label/c.Workspace_Owner';
import ReviewDate from '@salesforce/label/c.Workspace_ReviewDate';
import Accounts from '@salesforce/label/c.Workspace_Accounts';
import NoRisks from '@salesforce/label/c.Workspace_NoRisks';
import AddRisk from '@salesforce/label/c.Workspace_AddRisk';
import ShowAll from '@salesforce/label/c.Workspace_ShowAll';
import CellLabel from '@salesforce/label/c.Workspace_CellLabel';
import Unplaced from '@salesforce/label/c.Workspace_Unplaced';
import Customers from '@salesforce/label/c.Workspace_Customers';
import TierBand from '@salesforce/label/c.Workspace_TierBand';
import Tier from '@salesforce/label/c.Workspace_Tier';
import HealthBand from '@salesforce/label/c.Workspace_HealthBand';
import UnknownHealth from '@salesforce/label/c.Workspace_UnknownHealth';
import Attention from '@salesforce/label/c.Workspace_Attention';
import Health from '@salesforce/label/c.Workspace_Health';
import Account from '@salesforce/label/c.Workspace_Account';
import Arr from '@salesforce/label/c.Workspace_Arr';
import ProgramAsOf from '@salesforce/label/c.Workspace_ProgramAsOf';
import NoProgram from '@salesforce/label/c.Workspace_NoProgram';
import NoGoalsDue from '@salesforce/label/c.Workspace_NoGoalsDue';
import Risk from '@salesforce/label/c.Workspace_Risk';
import AccountCountOne from '@salesforce/label/c.Workspace_AccountCountOne';
import AccountCountMany from '@salesforce/label/c.Workspace_AccountCountMany';
import NoAccounts from '@salesforce/label/c.Workspace_NoAccounts';
import NoPerson from '@salesforce/label/c.Workspace_NoPerson';
import RolePerson from '@salesforce/label/c.Workspace_RolePerson';
import HealthAsOf from '@salesforce/label/c.Workspace_HealthAsOf';
import NotScored from '@salesforce/label/c.Workspace_NotScored';
import AttentionOf from '@salesforce/label/c.Workspace_AttentionOf';
import SentimentDisagreements from '@salesforce/label/c.Workspace_SentimentDisagreements';
import SentimentOf from '@salesforce/label/c.Workspace_SentimentOf';
import SentimentNone from '@salesforce/label/c.Workspace_SentimentNone';
import Sentiment from '@salesforce/label/c.Workspace_Sentiment';
import SentimentReason from '@salesforce/label/c.Workspace_SentimentReason';
import SentimentDate from '@salesforce/label/c.Workspace_SentimentDate';
import SentimentRedAgainstSuccess from '@salesforce/label/c.Workspace_SentimentRedAgainstSuccess';
import SentimentGreenAgainstError from '@salesforce/label/c.Workspace_SentimentGreenAgainstError';
import SentimentGreen from '@salesforce/label/c.Workspace_SentimentGreen';
import SentimentRed from '@salesforce/label/c.Workspace_SentimentRed';
import NoCustomers from '@salesforce/label/c.Workspace_NoCustomers';
import Total from '@salesforce/label/c.Workspace_Total';
import Milestone from '@salesforce/label/c.Workspace_Milestone';
import ShowMore from '@salesforce/label/c.Workspace_ShowMore';
import ShowingCount from '@salesforce/label/c.Workspace_ShowingCount';
import AdoptionBySegment from '@salesforce/label/c.Workspace_AdoptionBySegment';
import AdoptionNote from '@salesforce/label/c.Workspace_AdoptionNote';
import WithUsage from '@salesforce/label/c.Workspace_WithUsage';
import MeanUtilisation from '@salesforce/label/c.Workspace_MeanUtilisation';
import MeanFeatureAdoption from '@salesforce/label/c.Workspace_MeanFeatureAdoption';
import Falling from '@salesforce/label/c.Workspace_Falling';

export const LABELS = {
  Title,
  Loading,
  LoadError,
  NoCharter,
  TabCharter,
  TabObjectives,
  TabTeam,
  TabRoadmap,
  TabRisks,
  TabCustomers,
  Edit,
  Save,
  Cancel,
  Saved,
  SaveError,
  Mission,
  Vision,
  WhyItMatters,
  Problems,
  Opportunities,
  CostOfInaction,
  Sponsor,
  Status,
  Version,
  Blank,
  EditStatement,
  Completeness,
  Complete,
  Incomplete,
  PartStatement,
  PartObjectives,
  PartRoles,
  PartRoadmap,
  PartRisks,
  Objectives,
  Objective,
  Baseline,
  Current,
  Target,
  Progress,
  Computed,
  WholeBook,
  NoObjectives,
  AddObjective,
  EditRecord,
  ProgramMetrics,
  CustomersAchieving,
  GoalsAchieved,
  AchievementRate,
  ValueRealized,
  MedianDays,
  P75Days,
  CsRevenue,
  ByStage,
  ByTier,
  Trend,
  Month,
  Segment,
  Period,
  NotAvailable,
  Raci,
  Stage,
  Responsible,
  Accountable,
  Consulted,
  Informed,
  Gap,
  Conflict,
  AddRole,
  NoRoles,
  Unstaged,
  Responsibilities,
  Department,
  Roadmap,
  NoMilestones,
  AddMilestone,
  Audience,
  Channel,
  Message,
  Type,
  Date,
  State,
  StateDone,
  StateOnTrack,
  StateDueSoon,
  StateOverdue,
  StateCancelled,
  StateUnscheduled,
  NoDate,
  HeatMap,
  Likelihood,
  Impact,
  Enablers,
  NoEnablers,
  Register,
  Score,
  Residual,
  Assessment,
  CorrectiveAction,
  Owner,
  ReviewDate,
  Accounts,
  NoRisks,
  AddRisk,
  ShowAll,
  CellLabel,
  Unplaced,
  Customers,
  TierBand,
  Tier,
  HealthBand,
  UnknownHealth,
  Attention,
  Health,
  Account,
  Arr,
  ProgramAsOf,
  NoProgram,
  HealthAsOf,
  NotScored,
  AttentionOf,
  NoCustomers,
  Total,
  Milestone,
  ShowMore,
  ShowingCount,
  AdoptionBySegment,
  AdoptionNote,
  WithUsage,
  MeanUtilisation,
  MeanFeatureAdoption,
  Falling,
  NoGoalsDue,
  Risk,
  AccountCountOne,
  AccountCountMany,
  NoAccounts,
  NoPerson,
  RolePerson,
  SentimentDisagreements,
  SentimentOf,
  SentimentNone,
  Sentiment,
  SentimentReason,
  SentimentDate,
  SentimentRedAgainstSuccess,
  SentimentGreenAgainstError,
  SentimentGreen,
  SentimentRed
} as const;
