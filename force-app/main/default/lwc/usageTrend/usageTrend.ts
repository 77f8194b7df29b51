import { LightningElement, api } from 'lwc';
import { TREND_WEEKS, usageView, type KeyFeatureConfig, type UsageAdoption, type UsageView } from 'c/successModel';
import { factText } from 'c/panelFormat';
import { formatDate, formatLabel, formatNumber, formatPercent } from 'c/figureFormat';
import LABEL_TITLE from '@salesforce/label/c.Usage_Title';
import LABEL_CHART_UTILISATION from '@salesforce/label/c.Usage_ChartUtilisation';
import LABEL_CHART_ACTIVE_USERS from '@salesforce/label/c.Usage_ChartActiveUsers';
import LABEL_WEEK from '@salesforce/label/c.Usage_Week';
import LABEL_UTILISATION from '@salesforce/label/c.Usage_Utilisation';
import LABEL_ACTIVE_USERS from '@salesforce/label/c.Usage_ActiveUsers';
import LABEL_NO_ROLLUP from '@salesforce/label/c.Usage_NoRollup';
import LABEL_BAR_TEXT from '@salesforce/label/c.Usage_BarText';
import LABEL_FEATURES_USED from '@salesforce/label/c.Usage_FeaturesUsed';
import LABEL_FEATURES_UNUSED from '@salesforce/label/c.Usage_FeaturesUnused';
import LABEL_NO_FEATURES from '@salesforce/label/c.Usage_NoFeatures';

interface BarView {
  key: string;
  style: string;
  className: string;
  week: string;
  valueText: string;
  text: string;
}

const EMPTY: UsageView = { measure: null, bars: [], usedFeatures: [], unusedFeatures: [] };

/**
 * Product usage on the success panel: the adoption facts ("34 of 50 seats active", "down 12.3% in 4 weeks"), a bar
 * chart of the last twelve complete weeks (utilisation, or active users without seats) with the same figures in a
 * table for screen readers, and the key features used and not used. successModel computes every figure.
 */
export default class UsageTrend extends LightningElement {
  @api adoption: UsageAdoption | undefined;
  @api keyFeatures: KeyFeatureConfig[] = [];

  labels = {
    title: LABEL_TITLE,
    week: LABEL_WEEK,
    featuresUsed: LABEL_FEATURES_USED,
    featuresUnused: LABEL_FEATURES_UNUSED,
    noFeatures: LABEL_NO_FEATURES
  };

  get view(): UsageView {
    return this.adoption ? usageView(this.adoption, this.keyFeatures ?? []) : EMPTY;
  }

  get facts(): Array<{ key: string; text: string }> {
    return (this.adoption?.facts ?? []).map((fact, index) => ({ key: `${fact.code}-${index}`, text: factText(fact) }));
  }

  get hasChart(): boolean {
    return this.view.measure !== null;
  }

  get byUtilisation(): boolean {
    return this.view.measure === 'utilisation';
  }

  get caption(): string {
    return formatLabel(this.byUtilisation ? LABEL_CHART_UTILISATION : LABEL_CHART_ACTIVE_USERS, TREND_WEEKS);
  }

  get valueHeading(): string {
    return this.byUtilisation ? LABEL_UTILISATION : LABEL_ACTIVE_USERS;
  }

  get bars(): BarView[] {
    return this.view.bars.map((bar) => {
      const week = formatDate(bar.start);
      let valueText = LABEL_NO_ROLLUP;
      if (bar.value !== null) valueText = this.byUtilisation ? formatPercent(bar.value) : formatNumber(bar.value, 0);
      return {
        key: bar.start,
        style: `height: ${bar.height}%`,
        className: bar.value === null ? 'bar bar_empty' : 'bar',
        week,
        valueText,
        text: formatLabel(LABEL_BAR_TEXT, week, valueText)
      };
    });
  }

  /** Key features are listed once usage is loaded (feature adoption is unknown without it). */
  get hasFeatures(): boolean {
    return this.adoption?.features !== null && this.adoption?.features !== undefined;
  }

  get noFeaturesConfigured(): boolean {
    return (this.adoption?.weeks ?? 0) > 0 && !this.hasFeatures;
  }

  get usedFeatures(): string {
    return this.view.usedFeatures.join(', ');
  }

  get unusedFeatures(): string {
    return this.view.unusedFeatures.join(', ');
  }

  get hasUsedFeatures(): boolean {
    return this.view.usedFeatures.length > 0;
  }

  get hasUnusedFeatures(): boolean {
    return this.view.unusedFeatures.length > 0;
  }
}
