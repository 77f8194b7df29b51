import { LABELS } from 'c/charterLabels';

describe('charterLabels', () => {
  it('imports every label from the Workspace_ custom labels', () => {
    expect(LABELS.Save).toBe('c.Workspace_Save');
    expect(Object.values(LABELS).every((label) => label.startsWith('c.Workspace_'))).toBe(true);
  });
});
