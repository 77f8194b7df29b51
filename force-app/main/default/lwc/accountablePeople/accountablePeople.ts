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

const toView = (role: PanelRole, index: number): PersonView => ({
  key: role.Id ?? `role-${index}`,
  person: role.Person__r?.Name || LABEL_UNFILLED,
  role: role.Name ?? ''
});

/** Who is accountable and who is responsible for the account's current lifecycle stage. */
export default class AccountablePeople extends LightningElement {
  @api people: StagePeople<PanelRole> | undefined;

  labels = {
    people: LABEL_PEOPLE,
    accountable: LABEL_ACCOUNTABLE,
    responsible: LABEL_RESPONSIBLE,
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

  get accountable(): PersonView[] {
    return (this.people?.accountable ?? []).map(toView);
  }

  get responsible(): PersonView[] {
    return (this.people?.responsible ?? []).map(toView);
  }

  /** A term needs a description: a stage without the role says so, or the list would end on a bare <dt>. */
  get noAccountable(): boolean {
    return this.accountable.length === 0;
  }

  get noResponsible(): boolean {
    return this.responsible.length === 0;
  }

  get warnings(): Array<{ key: string; text: string }> {
    const facts = [...(this.people?.gaps ?? []), ...(this.people?.conflicts ?? [])];
    return facts.map((fact, index) => ({ key: `${fact.code}-${index}`, text: factText(fact) }));
  }

  get hasWarnings(): boolean {
    return this.warnings.length > 0;
  }
}
