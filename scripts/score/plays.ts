// The plays phase of the scoring run: after each account range is scored, every active playbook's trigger is
// evaluated for every account (successModel decides; nothing here judges), and the range's plays are reconciled:
// a fired trigger with no open play opens one with its steps as Tasks, an open play is updated (never duplicated),
// and a triggered play whose trigger cleared is closed with the days it took. Writes share the run's writer, so they
// flush, retry, journal and dry-run with everything else. Memory holds one range's open plays.
import {
  evaluatePlaybooks,
  planSteps,
  playKey,
  reconcilePlays,
  stepTaskFields,
  toSentiment,
  type AccountRecord,
  type CharterRole,
  type CustomerGoal,
  type CustomerRisk,
  type PlaybookConfig,
  type PlaybookStepConfig,
  type PlayRecord
} from '../../force-app/main/default/lwc/successModel/successModel';
import type { OrgApi } from '../seed/api';
import { restQuery, type Row } from './query';
import type { PhaseContext, RangePhase, ScoredRange } from './run';
import type { Target } from './writer';

export const PLAY_UPSERT: Target = { object: 'Success_Play__c', operation: 'upsert', keyField: 'Play_Key__c' };
export const TASK_INSERT: Target = { object: 'Task', operation: 'insert', keyField: 'Subject' };

const PLAYBOOK_FIELDS = [
  'DeveloperName',
  'MasterLabel',
  'Trigger__c',
  'Band__c',
  'Minimum_Rating__c',
  'Renewal_Days__c',
  'Active__c',
  'Sort_Order__c',
  'Charter_Risk_Key__c'
];
const STEP_FIELDS = [
  'DeveloperName',
  'Playbook__c',
  'Step_Number__c',
  'Subject__c',
  'Days_After_Start__c',
  'Owner_Role__c'
];
const PLAY_FIELDS = [
  'Id',
  'Play_Key__c',
  'Account__c',
  'Playbook__c',
  'Status__c',
  'Source__c',
  'Opened_On__c',
  'Trigger_Facts__c'
];
/** Ids per IN list: well inside the 100,000-character SOQL and 16,384-character URL limits. */
const IDS_PER_QUERY = 300;

const idList = (ids: readonly string[]): string => {
  for (const id of ids) if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) throw new Error(`not a record Id: ${id}`);
  return ids.map((id) => `'${id}'`).join(',');
};

async function all(api: OrgApi, soql: string, label: string): Promise<Row[]> {
  const rows: Row[] = [];
  await restQuery(api, soql, label, (page) => {
    rows.push(...page);
  });
  return rows;
}

interface PlaysConfig {
  playbooks: PlaybookConfig[];
  steps: PlaybookStepConfig[];
  roles: CharterRole[];
}

async function readConfig(api: OrgApi): Promise<PlaysConfig> {
  const playbooks = (await all(
    api,
    `SELECT ${PLAYBOOK_FIELDS.join(', ')} FROM Playbook__mdt ORDER BY Sort_Order__c, DeveloperName`,
    'read playbooks'
  )) as unknown as PlaybookConfig[];
  const steps = (await all(
    api,
    `SELECT ${STEP_FIELDS.join(', ')} FROM Playbook_Step__mdt ORDER BY Playbook__c, Step_Number__c`,
    'read playbook steps'
  )) as unknown as PlaybookStepConfig[];
  // The RACI of the Active charter: one charter is Active at a time (a validation rule of the data model).
  const roles = (await all(
    api,
    "SELECT Name, Lifecycle_Stage__c, RACI__c, Person__c FROM Charter_Role__c WHERE Charter__r.Status__c = 'Active' ORDER BY Name",
    'read charter roles'
  )) as unknown as CharterRole[];
  return { playbooks, steps, roles };
}

/** The open plays of a range's accounts, by account Id (Account__c between the range's first and last Id). */
async function openPlays(api: OrgApi, scored: ScoredRange): Promise<Map<string, PlayRecord[]>> {
  const rows = await all(
    api,
    `SELECT ${PLAY_FIELDS.join(', ')} FROM Success_Play__c WHERE Status__c = 'Open' AND Account__c >= '${scored.range.first}' AND Account__c <= '${scored.range.last}'`,
    'read open plays'
  );
  const byAccount = new Map<string, PlayRecord[]>();
  for (const row of rows) {
    const account = String(row.Account__c);
    const list = byAccount.get(account) ?? [];
    list.push(row as PlayRecord);
    byAccount.set(account, list);
  }
  return byAccount;
}

/** Which of these open plays have at least one task: a play with none lost its steps to an interrupted run. */
async function playsWithTasks(api: OrgApi, playIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < playIds.length; i += IDS_PER_QUERY) {
    const chunk = playIds.slice(i, i + IDS_PER_QUERY);
    // COUNT() charges one row per group: this read costs at most one row per play.
    const rows = await all(
      api,
      `SELECT WhatId, COUNT(Id) n FROM Task WHERE WhatId IN (${idList(chunk)}) GROUP BY WhatId`,
      'read play tasks'
    );
    for (const row of rows) found.add(String(row.WhatId));
  }
  return found;
}

export interface PlaysTally {
  evaluated: number;
  opened: number;
  updated: number;
  closed: number;
  tasks: number;
  /** Tasks given to the account owner because nobody held the step's role. */
  ownerFallbacks: number;
  /** Open plays whose tasks were missing (an interrupted run) and were created again. */
  tasksRestored: number;
}

/** The Account field holding the account manager's sentiment, recorded from the panel (read with every account). */
const SENTIMENT_FIELD = 'CSM_Sentiment__c';

/**
 * The plays phase. Sentiment (the account manager's judgement, which the Sentiment Red trigger reads) comes from the
 * scored account's `sentimentField`, CSM_Sentiment__c unless told otherwise.
 */
export function playsPhase(options: { sentimentField?: string } = {}): RangePhase {
  const sentimentField = options.sentimentField ?? SENTIMENT_FIELD;
  let config: PlaysConfig | undefined;
  const tally: PlaysTally = {
    evaluated: 0,
    opened: 0,
    updated: 0,
    closed: 0,
    tasks: 0,
    ownerFallbacks: 0,
    tasksRestored: 0
  };
  return {
    name: 'plays',
    async afterRange(scored: ScoredRange, context: PhaseContext): Promise<void> {
      const { api, writer, today } = context;
      config ??= await readConfig(api);
      const { playbooks, steps, roles } = config;
      writer.open(PLAY_UPSERT);
      writer.open(TASK_INSERT);
      const open = await openPlays(api, scored);
      const openIds = [...open.values()].flat().map((play) => String(play.Id));
      const withTasks = openIds.length ? await playsWithTasks(api, openIds) : new Set<string>();
      for (const assessment of scored.assessments) {
        const account = assessment.account as AccountRecord;
        const sentiment = toSentiment(assessment.account[sentimentField]);
        const triggers = evaluatePlaybooks(
          {
            account,
            band: assessment.health.band,
            goals: assessment.goals as unknown as CustomerGoal[],
            risks: assessment.risks as unknown as CustomerRisk[],
            sentiment
          },
          playbooks,
          context.inputs.health.bands,
          today
        );
        tally.evaluated += triggers.length;
        const mine = open.get(assessment.accountId) ?? [];
        const addTasks = (playbook: string, start: string, what: Row): void => {
          for (const step of planSteps(playbook, steps, account, roles, start)) {
            writer.add(TASK_INSERT, { ...stepTaskFields(step), ...what });
            tally.tasks++;
            if (step.fallback) tally.ownerFallbacks++;
          }
        };
        for (const decision of reconcilePlays(triggers, mine, today)) {
          const existing = mine.find((play) => play.Playbook__c === decision.playbook);
          if (decision.action === 'open') {
            const key = playKey(assessment.accountId, decision.playbook, today);
            const label = playbooks.find((p) => p.DeveloperName === decision.playbook)?.MasterLabel;
            writer.add(PLAY_UPSERT, {
              Play_Key__c: key,
              Name: (label ?? decision.playbook).slice(0, 80),
              Account__c: assessment.accountId,
              Playbook__c: decision.playbook,
              Status__c: 'Open',
              Source__c: 'Trigger',
              Opened_On__c: today,
              Trigger_Facts__c: decision.facts
            });
            tally.opened++;
            // The play has no Id yet: the task points at it by its key, resolved by the org in the same flush.
            addTasks(decision.playbook, today, { What: { attributes: { type: 'Success_Play__c' }, Play_Key__c: key } });
            continue;
          }
          if (!existing) continue;
          if (decision.action === 'update') {
            writer.add(PLAY_UPSERT, { Play_Key__c: existing.Play_Key__c, Trigger_Facts__c: decision.facts });
            tally.updated++;
          }
          if (decision.action === 'close') {
            writer.add(PLAY_UPSERT, {
              Play_Key__c: existing.Play_Key__c,
              Status__c: 'Closed',
              Closed_On__c: today,
              Outcome__c: 'Trigger Cleared',
              Days_To_Clear__c: decision.daysToClear
            });
            tally.closed++;
            continue;
          }
          if (!withTasks.has(String(existing.Id))) {
            addTasks(decision.playbook, existing.Opened_On__c ?? today, { WhatId: existing.Id });
            tally.tasksRestored++;
          }
        }
      }
      Object.assign(context.report, tally);
    }
  };
}
