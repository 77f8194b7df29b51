import { api } from 'lwc';
import { RecordFormModal } from 'c/recordFormModal';
import GOAL_OBJECT from '@salesforce/schema/Customer_Goal__c';
import NAME_FIELD from '@salesforce/schema/Customer_Goal__c.Name';
import ACCOUNT_FIELD from '@salesforce/schema/Customer_Goal__c.Account__c';
import OBJECTIVE_FIELD from '@salesforce/schema/Customer_Goal__c.Charter_Objective__c';
import BASELINE_FIELD from '@salesforce/schema/Customer_Goal__c.Baseline__c';
import TARGET_FIELD from '@salesforce/schema/Customer_Goal__c.Target__c';
import CURRENT_FIELD from '@salesforce/schema/Customer_Goal__c.Current_Value__c';
import UNIT_FIELD from '@salesforce/schema/Customer_Goal__c.Unit__c';
import DIRECTION_FIELD from '@salesforce/schema/Customer_Goal__c.Direction__c';
import STATUS_FIELD from '@salesforce/schema/Customer_Goal__c.Status__c';
import START_FIELD from '@salesforce/schema/Customer_Goal__c.Start_Date__c';
import TARGET_DATE_FIELD from '@salesforce/schema/Customer_Goal__c.Target_Date__c';
import CRITERIA_FIELD from '@salesforce/schema/Customer_Goal__c.Success_Criteria__c';
import VALUE_REALIZED_FIELD from '@salesforce/schema/Customer_Goal__c.Value_Realized__c';
import CHANGE_TYPE_FIELD from '@salesforce/schema/Customer_Goal__c.Change_Type__c';
import OWNER_FIELD from '@salesforce/schema/Customer_Goal__c.Owner__c';
import USER_ID from '@salesforce/user/Id';
import LABEL_SAVE from '@salesforce/label/c.Panel_Save';
import LABEL_CANCEL from '@salesforce/label/c.Panel_Cancel';
import LABEL_SAVE_FAILED from '@salesforce/label/c.Panel_GoalSaveFailed';
import LABEL_ADD_GOAL from '@salesforce/label/c.Panel_AddGoal';

/**
 * The status a new goal starts in: the picklist's default (Status__c marks Not Started as its default value). The form
 * sets it too, so the field never opens on "--None--" whatever the form's own handling of defaults.
 */
const NEW_GOAL_STATUS = 'Not Started';

/**
 * Adds a goal to an account with a record edit form: what it measures, its change type and value realized, owned by
 * the current user unless changed; closes with the new record's Id, or undefined if cancelled.
 */
export default class GoalEditorModal extends RecordFormModal {
  @api accountId: string | undefined;

  objectApiName = GOAL_OBJECT;
  fields = {
    name: NAME_FIELD,
    account: ACCOUNT_FIELD,
    objective: OBJECTIVE_FIELD,
    baseline: BASELINE_FIELD,
    target: TARGET_FIELD,
    current: CURRENT_FIELD,
    unit: UNIT_FIELD,
    direction: DIRECTION_FIELD,
    status: STATUS_FIELD,
    start: START_FIELD,
    targetDate: TARGET_DATE_FIELD,
    criteria: CRITERIA_FIELD,
    valueRealized: VALUE_REALIZED_FIELD,
    changeType: CHANGE_TYPE_FIELD,
    owner: OWNER_FIELD
  };
  defaults = { status: NEW_GOAL_STATUS, owner: USER_ID };
  labels = { save: LABEL_SAVE, cancel: LABEL_CANCEL, saveFailed: LABEL_SAVE_FAILED, heading: LABEL_ADD_GOAL };
}
