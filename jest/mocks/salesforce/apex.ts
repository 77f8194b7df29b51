// Shared mock of @salesforce/apex: refreshApex resolves, and a suite can count its calls or make one fail.
export const refreshApex = jest.fn(() => Promise.resolve());
