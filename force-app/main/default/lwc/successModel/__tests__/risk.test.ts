import {
  RISK_RATINGS,
  heatMap,
  heatMapCell,
  residualScore,
  riskExposure,
  riskRating,
  riskScore,
  riskScoreHelpText,
  scoreOf
} from 'c/successModel';

describe('risk', () => {
  it('scores likelihood x impact on whole levels 1-5', () => {
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
    for (const [l, i] of [
      [0, 3],
      [6, 1],
      [2.5, 2],
      [null, 3],
      [3, undefined]
    ]) {
      expect(riskScore(l, i)).toBeNull();
    }
  });

  it('rates Low 1-4, Medium 5-9, High 10-16, Critical 20-25', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(riskRating)).toEqual([
      'Low',
      'Low',
      'Medium',
      'Medium',
      'High',
      'High',
      'Critical',
      'Critical'
    ]);
    expect(riskRating(null)).toBeNull();
  });

  it('scores the residual risk after the corrective action', () => {
    expect(residualScore({ Residual_Likelihood__c: 2, Residual_Impact__c: 3 })).toBe(6);
    expect(residualScore({ Likelihood__c: 4, Impact__c: 4 })).toBeNull();
  });

  it('places a risk in the 5x5 heat map: impact rows from the top, likelihood columns from the left', () => {
    expect(heatMapCell(5, 5)).toEqual({ row: 0, column: 4, likelihood: 5, impact: 5, score: 25, rating: 'Critical' });
    expect(heatMapCell(1, 1)).toMatchObject({ row: 4, column: 0, rating: 'Low' });
    expect(heatMapCell(2, null)).toBeNull();
  });

  it('fills the heat map by current or residual levels and counts risks it cannot place', () => {
    const risks = [
      { Id: 'r1', Likelihood__c: 4, Impact__c: 5, Residual_Likelihood__c: 2, Residual_Impact__c: 3 },
      { Likelihood__c: 4, Impact__c: 5 },
      { Id: 'r3' }
    ];
    const current = heatMap(risks);
    expect(current.cells[0][3]).toEqual(['r1', '1']);
    expect(current.unplaced).toBe(1);
    const residual = heatMap(risks, true);
    expect(residual.cells[2][1]).toEqual(['r1']);
    expect(residual.unplaced).toBe(2);
  });

  it('uses the stored score when the levels are not loaded, if it is a valid score', () => {
    expect(scoreOf({ Score__c: 12 })).toBe(12);
    expect(scoreOf({ Score__c: 40 })).toBeNull();
    expect(scoreOf({ Score__c: 0 })).toBeNull();
    expect(scoreOf({})).toBeNull();
    expect(scoreOf({ Likelihood__c: 2, Impact__c: 2, Score__c: 25 })).toBe(4);
  });

  it('sums up an account exposure from its open risks only', () => {
    const exposure = riskExposure([
      { Likelihood__c: 5, Impact__c: 2, Status__c: 'Open' },
      { Likelihood__c: 2, Impact__c: 2.5, Status__c: 'Mitigating' },
      { Likelihood__c: 5, Impact__c: 5, Status__c: 'Closed' },
      { Likelihood__c: 1, Impact__c: 5, Status__c: 'Monitoring' }
    ]);
    // open: 10 and 5 (and one unscored); 1 - (1 - 10/25)(1 - 5/25) = 0.52
    expect(exposure).toEqual({
      openCount: 3,
      highCount: 1,
      highestScore: 10,
      highestRating: 'High',
      exposurePercent: 52
    });
  });

  it('has no exposure without open risks, and full exposure with a Critical 25', () => {
    expect(riskExposure([])).toEqual({
      openCount: 0,
      highCount: 0,
      highestScore: null,
      highestRating: null,
      exposurePercent: 0
    });
    expect(riskExposure([{ Likelihood__c: 5, Impact__c: 5 }]).exposurePercent).toBe(100);
  });
});

describe('risk rating bands', () => {
  it("states the bands the rating uses, for the Score fields' help text", () => {
    expect(RISK_RATINGS.map((band) => riskRating(band.minimum))).toEqual(['Low', 'Medium', 'High', 'Critical']);
    expect(RISK_RATINGS.map((band) => riskRating(band.maximum))).toEqual(['Low', 'Medium', 'High', 'Critical']);
    expect(riskScoreHelpText()).toBe(
      'Likelihood multiplied by impact, each 1 to 5; blank until both are set. Low 1-4, Medium 5-9, High 10-16, Critical 20-25.'
    );
  });
});
