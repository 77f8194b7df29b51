import { LightningElement, api } from 'lwc';
import type { DimensionResult } from 'c/successModel';
import { factText } from 'c/panelFormat';
import { formatLabel, formatNumber, formatPercent } from 'c/figureFormat';
import LABEL_POINTS from '@salesforce/label/c.Panel_DimensionPoints';
import LABEL_WEIGHT from '@salesforce/label/c.Panel_DimensionWeight';
import LABEL_NO_DIMENSIONS from '@salesforce/label/c.Panel_NoDimensions';
import LABEL_TITLE from '@salesforce/label/c.Panel_BreakdownTitle';

interface DimensionView {
  key: string;
  label: string;
  points: string;
  weight: string;
  facts: Array<{ key: string; text: string }>;
}

/** Each health dimension: the points it adds, its share of the weight, and the facts behind it. */
export default class HealthBreakdown extends LightningElement {
  @api dimensions: DimensionResult[] = [];

  labels = { noDimensions: LABEL_NO_DIMENSIONS, title: LABEL_TITLE };

  get hasDimensions(): boolean {
    return (this.dimensions ?? []).length > 0;
  }

  get rows(): DimensionView[] {
    return (this.dimensions ?? []).map((dimension) => ({
      key: dimension.key,
      label: dimension.label,
      points: formatLabel(LABEL_POINTS, formatNumber(dimension.points)),
      weight: formatLabel(LABEL_WEIGHT, formatPercent(dimension.share), formatNumber(dimension.weight)),
      facts: dimension.facts.map((fact, index) => ({ key: `${dimension.key}-${index}`, text: factText(fact) }))
    }));
  }
}
