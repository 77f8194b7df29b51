import { LightningElement, api } from 'lwc';

/** A charter tab's section: the heading that names it, its actions (Add, Edit) beside the heading, its content below. */
export default class CharterSection extends LightningElement {
  @api heading = '';
}
