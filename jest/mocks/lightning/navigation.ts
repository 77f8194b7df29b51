// Shared mock of lightning/navigation: records every navigation so tests can assert on it.
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const navigateCalls: Array<{ pageReference: unknown; replace?: boolean }> = [];

export const NavigationMixin = (Base: any) =>
  class extends Base {
    [Navigate](pageReference: unknown, replace?: boolean) {
      navigateCalls.push({ pageReference, replace });
    }
    [GenerateUrl](pageReference: unknown) {
      return Promise.resolve(`/preview/${encodeURIComponent(JSON.stringify(pageReference))}`);
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export function resetNavigation(): void {
  navigateCalls.length = 0;
}
