import { LABELS, formatLabel } from 'c/charterLabels';

describe('charterLabels', () => {
  it('imports every label from the Workspace_ custom labels', () => {
    expect(LABELS.Title).toBe('c.Workspace_Title');
    expect(Object.values(LABELS).every((label) => label.startsWith('c.Workspace_'))).toBe(true);
  });

  it('fills numbered placeholders and leaves unknown ones in place', () => {
    expect(formatLabel('Likelihood {0}, impact {1}: {2} risks', 4, 5, 1)).toBe('Likelihood 4, impact 5: 1 risks');
    expect(formatLabel('Based on {0} of {1}', 200)).toBe('Based on 200 of {1}');
  });
});
