import { describe, expect, it } from 'vitest';
import { mailDate } from './format';

describe('dates in e-mails', () => {
  it.each([
    ['2026-12-05', '5 dec. 2026'],
    ['2027-01-31', '31 jan. 2027'],
    ['2026-05-01', '1 maj 2026'],
  ])('writes %s as "%s", as the interface does', (iso, expected) => {
    expect(mailDate(iso)).toBe(expected);
  });
});
