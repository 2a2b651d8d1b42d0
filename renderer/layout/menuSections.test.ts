import { describe, expect, it } from 'vitest';
import { selectedSection } from './menuSections.ts';

describe('selectedSection', () => {
  it('highlights the page itself and the pages nested under it', () => {
    expect(selectedSection('/customers')).toBe('/customers');
    expect(selectedSection('/customers/01HZX')).toBe('/customers');
    expect(selectedSection('/import/history')).toBe('/import');
    expect(selectedSection('/notifications')).toBe('/notifications');
    expect(selectedSection('/reports')).toBe('/reports');
  });

  it('highlights 首页 on the landing page only', () => {
    expect(selectedSection('/')).toBe('/');
    expect(selectedSection('/nowhere')).toBeNull();
  });

  it('highlights nothing for an unknown page or a mere prefix of a section', () => {
    expect(selectedSection('/nowhere')).toBeNull();
    expect(selectedSection('/customersX')).toBeNull();
  });
});
