import { api } from 'lwc';
import { RecordFormModal } from 'c/recordFormModal';
import OBJECTIVE_OBJECT from '@salesforce/schema/Charter_Objective__c';
import OBJECTIVE_CHARTER from '@salesforce/schema/Charter_Objective__c.Charter__c';
import OBJECTIVE_NAME from '@salesforce/schema/Charter_Objective__c.Name';
import OBJECTIVE_DESCRIPTION from '@salesforce/schema/Charter_Objective__c.Description__c';
import OBJECTIVE_METRIC_TYPE from '@salesforce/schema/Charter_Objective__c.Metric_Type__c';
import OBJECTIVE_BASELINE from '@salesforce/schema/Charter_Objective__c.Baseline__c';
import OBJECTIVE_CURRENT_VALUE from '@salesforce/schema/Charter_Objective__c.Current_Value__c';
import OBJECTIVE_TARGET from '@salesforce/schema/Charter_Objective__c.Target__c';
import OBJECTIVE_UNIT from '@salesforce/schema/Charter_Objective__c.Unit__c';
import OBJECTIVE_DIRECTION from '@salesforce/schema/Charter_Objective__c.Direction__c';
import OBJECTIVE_DUE_DATE from '@salesforce/schema/Charter_Objective__c.Due_Date__c';
import OBJECTIVE_OWNER from '@salesforce/schema/Charter_Objective__c.Owner__c';
import ROLE_OBJECT from '@salesforce/schema/Charter_Role__c';
import ROLE_CHARTER from '@salesforce/schema/Charter_Role__c.Charter__c';
import ROLE_NAME from '@salesforce/schema/Charter_Role__c.Name';
import ROLE_LIFECYCLE_STAGE from '@salesforce/schema/Charter_Role__c.Lifecycle_Stage__c';
import ROLE_RACI from '@salesforce/schema/Charter_Role__c.RACI__c';
import ROLE_DEPARTMENT from '@salesforce/schema/Charter_Role__c.Department__c';
import ROLE_PERSON from '@salesforce/schema/Charter_Role__c.Person__c';
import ROLE_RESPONSIBILITIES from '@salesforce/schema/Charter_Role__c.Responsibilities__c';
import MILESTONE_OBJECT from '@salesforce/schema/Charter_Milestone__c';
import MILESTONE_CHARTER from '@salesforce/schema/Charter_Milestone__c.Charter__c';
import MILESTONE_NAME from '@salesforce/schema/Charter_Milestone__c.Name';
import MILESTONE_TYPE from '@salesforce/schema/Charter_Milestone__c.Type__c';
import MILESTONE_STATUS from '@salesforce/schema/Charter_Milestone__c.Status__c';
import MILESTONE_START_DATE from '@salesforce/schema/Charter_Milestone__c.Start_Date__c';
import MILESTONE_DUE_DATE from '@salesforce/schema/Charter_Milestone__c.Due_Date__c';
import MILESTONE_AUDIENCE from '@salesforce/schema/Charter_Milestone__c.Audience__c';
import MILESTONE_CHANNEL from '@salesforce/schema/Charter_Milestone__c.Channel__c';
import MILESTONE_MESSAGE from '@salesforce/schema/Charter_Milestone__c.Message__c';
import MILESTONE_OWNER from '@salesforce/schema/Charter_Milestone__c.Owner__c';
import RISK_OBJECT from '@salesforce/schema/Charter_Risk__c';
import RISK_CHARTER from '@salesforce/schema/Charter_Risk__c.Charter__c';
import RISK_NAME from '@salesforce/schema/Charter_Risk__c.Name';
import RISK_TYPE from '@salesforce/schema/Charter_Risk__c.Type__c';
import RISK_CATEGORY from '@salesforce/schema/Charter_Risk__c.Category__c';
import RISK_STATUS from '@salesforce/schema/Charter_Risk__c.Status__c';
import RISK_LIKELIHOOD from '@salesforce/schema/Charter_Risk__c.Likelihood__c';
import RISK_IMPACT from '@salesforce/schema/Charter_Risk__c.Impact__c';
import RISK_ASSESSMENT from '@salesforce/schema/Charter_Risk__c.Assessment__c';
import RISK_CORRECTIVE_ACTION from '@salesforce/schema/Charter_Risk__c.Corrective_Action__c';
import RISK_RESIDUAL_LIKELIHOOD from '@salesforce/schema/Charter_Risk__c.Residual_Likelihood__c';
import RISK_RESIDUAL_IMPACT from '@salesforce/schema/Charter_Risk__c.Residual_Impact__c';
import RISK_OWNER from '@salesforce/schema/Charter_Risk__c.Owner__c';
import RISK_REVIEW_DATE from '@salesforce/schema/Charter_Risk__c.Review_Date__c';
import LABEL_SAVE from '@salesforce/label/c.Workspace_Save';
import LABEL_CANCEL from '@salesforce/label/c.Workspace_Cancel';
import LABEL_SAVE_ERROR from '@salesforce/label/c.Workspace_SaveError';
import type { RecordRequest } from 'c/charterWorkspace';

type FieldSchema = typeof OBJECTIVE_NAME;

/** One charter part's form: its object, the Charter__c field a new record is set under, the fields in form order. */
interface CharterForm {
  object: { objectApiName: string };
  charter: FieldSchema;
  fields: FieldSchema[];
}

const FORMS: Record<RecordRequest['objectApiName'], CharterForm> = {
  Charter_Objective__c: {
    object: OBJECTIVE_OBJECT,
    charter: OBJECTIVE_CHARTER,
    fields: [
      OBJECTIVE_NAME,
      OBJECTIVE_DESCRIPTION,
      OBJECTIVE_METRIC_TYPE,
      OBJECTIVE_BASELINE,
      OBJECTIVE_CURRENT_VALUE,
      OBJECTIVE_TARGET,
      OBJECTIVE_UNIT,
      OBJECTIVE_DIRECTION,
      OBJECTIVE_DUE_DATE,
      OBJECTIVE_OWNER
    ]
  },
  Charter_Role__c: {
    object: ROLE_OBJECT,
    charter: ROLE_CHARTER,
    fields: [ROLE_NAME, ROLE_LIFECYCLE_STAGE, ROLE_RACI, ROLE_DEPARTMENT, ROLE_PERSON, ROLE_RESPONSIBILITIES]
  },
  Charter_Milestone__c: {
    object: MILESTONE_OBJECT,
    charter: MILESTONE_CHARTER,
    fields: [
      MILESTONE_NAME,
      MILESTONE_TYPE,
      MILESTONE_STATUS,
      MILESTONE_START_DATE,
      MILESTONE_DUE_DATE,
      MILESTONE_AUDIENCE,
      MILESTONE_CHANNEL,
      MILESTONE_MESSAGE,
      MILESTONE_OWNER
    ]
  },
  Charter_Risk__c: {
    object: RISK_OBJECT,
    charter: RISK_CHARTER,
    fields: [
      RISK_NAME,
      RISK_TYPE,
      RISK_CATEGORY,
      RISK_STATUS,
      RISK_LIKELIHOOD,
      RISK_IMPACT,
      RISK_ASSESSMENT,
      RISK_CORRECTIVE_ACTION,
      RISK_RESIDUAL_LIKELIHOOD,
      RISK_RESIDUAL_IMPACT,
      RISK_OWNER,
      RISK_REVIEW_DATE
    ]
  }
};

/**
 * Creates or edits one charter record with a record edit form (LDS), the fields named by schema imports; closes with
 * 'saved' on success and 'cancel' when cancelled.
 */
export default class CharterRecordModal extends RecordFormModal {
  @api objectApiName: RecordRequest['objectApiName'] = 'Charter_Objective__c';
  @api recordId: string | undefined;
  @api charterId: string | undefined;
  @api override label = '';
  labels = { save: LABEL_SAVE, cancel: LABEL_CANCEL, saveFailed: LABEL_SAVE_ERROR };

  get form(): CharterForm {
    return FORMS[this.objectApiName];
  }

  /** New records are created under the charter; existing ones keep theirs. */
  get isNew(): boolean {
    return !this.recordId;
  }

  override savedResult(): string {
    return 'saved';
  }

  override cancelledResult(): string {
    return 'cancel';
  }
}
