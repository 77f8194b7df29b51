import { LightningElement, api } from 'lwc';
import type { StagePeople } from 'c/successModel';
import { factText } from 'c/panelFormat';
import type { PanelRole } from '../accountSuccessPanel/panelTypes';
import LABEL_PEOPLE from '@salesforce/label/c.Panel_People';
import LABEL_STAGE from '@salesforce/label/c.Panel_PeopleStage';
import LABEL_ACCOUNTABLE from '@salesforce/label/c.Panel_Accountable';
import LABEL_RESPONSIBLE from '@salesforce/label/c.Panel_Responsible';
import LABEL_NO_PEOPLE from '@salesforce/label/c.Panel_NoPeople';
import LABEL_UNFILLED from '@salesforce/label/c.Panel_RoleUnfilled';
import LABEL_NO_ROLE from '@salesforce/label/c.Panel_NoRole';
import { formatLabel } from 'c/figureFormat';

interface PersonView {
  key: string;
  person: string;
  role: string;
}

/** One RACI term of the list (accountable or responsible) and the people who hold it; `none` when nobody does. */
interface GroupView {
  key: 'accountable' | 'responsible';
  label: string;
  termClass: string;
  people: PersonView[];
  none: boolean;
  noneKey: string;
  noneClass: string;
}

const toView = (group: GroupView['key'], role: PanelRole, index: number): PersonView => ({
  key: `${group}-${role.Id ?? index}`,
  person: role.Person__r?.Name || LABEL_UNFILLED,
  role: role.Name ?? ''
});

function groupView(key: GroupView['key'], label: string, termClass: string, roles: PanelRole[]): GroupView {
  const people = roles.map((role, index) => toView(key, role, index));
  return {
    key,
    label,
    termClass,
    people,
    none: people.length === 0,
    noneKey: `${key}-none`,
    noneClass: `no-role ${key}-none slds-text-color_weak`
  };
}

/** Who is accountable and who is responsible for the account's current lifecycle stage. */
export default class AccountablePeople extends LightningElement {
  @api people: StagePeople<PanelRole> | undefined;

  labels = {
    people: LABEL_PEOPLE,
    noRole: LABEL_NO_ROLE
  };

  get hasStage(): boolean {
    return Boolean(this.people?.stage);
  }

  get stageText(): string {
    return formatLabel(LABEL_STAGE, this.people?.stage);
  }

  get noPeopleText(): string {
    return LABEL_NO_PEOPLE;
  }

  /** Each term with its people; a term nobody holds says so, or the list would end on a bare <dt>. */
  get groups(): GroupView[] {
    return [
      groupView('accountable', LABEL_ACCOUNTABLE, 'slds-text-title', this.people?.accountable ?? []),
      groupView('responsible', LABEL_RESPONSIBLE, 'slds-text-title slds-m-top_x-small', this.people?.responsible ?? [])
    ];
  }

  get warnings(): Array<{ key: string; text: string }> {
    const facts = [...(this.people?.gaps ?? []), ...(this.people?.conflicts ?? [])];
    return facts.map((fact, index) => ({ key: `${fact.code}-${index}`, text: factText(fact) }));
  }

  get hasWarnings(): boolean {
    return this.warnings.length > 0;
  }
}
