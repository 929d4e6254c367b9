import { describe, expect, it } from 'vitest';
import {
  createBodyFromValues,
  emptyCompanyValues,
  mergeEdits,
  normaliseOrganisationNumber,
  organisationNumberProblem,
  type CompanyFormValues,
} from './company-form';

describe('organisation number in the register form', () => {
  it('asks for a number when the field is empty', () => {
    expect(organisationNumberProblem('  ')).toBe('required');
  });

  it('says the format is wrong when there are not ten digits', () => {
    expect(organisationNumberProblem('55603607')).toBe('organisation_number_format');
  });

  it('says the check digit is wrong for a typo in a well-formed number', () => {
    expect(organisationNumberProblem('556036-0794')).toBe('organisation_number_check_digit');
  });

  it('accepts a real number with or without the dash and writes it NNNNNN-NNNN', () => {
    expect(organisationNumberProblem('5560360793')).toBeNull();
    expect(normaliseOrganisationNumber('5560360793')).toBe('556036-0793');
  });
});

describe('company form values to the API body', () => {
  it('sends empty inputs as null and numbers as numbers', () => {
    const values: CompanyFormValues = {
      ...emptyCompanyValues,
      organisationNumber: '556036-0793',
      name: ' Verkstaden AB ',
      headcount: 12,
      turnoverSek: '',
    };
    expect(createBodyFromValues(values, false)).toMatchObject({
      organisationNumber: '556036-0793',
      name: 'Verkstaden AB',
      city: null,
      headcount: 12,
      turnoverSek: null,
    });
  });

  it('sends the organisation only when the user chooses it', () => {
    const values = { ...emptyCompanyValues, organisationId: 'org-1' };
    expect(createBodyFromValues(values, false)).not.toHaveProperty('organisationId');
    expect(createBodyFromValues(values, true)).toHaveProperty('organisationId', 'org-1');
  });
});

describe('keeping my edits after someone else saved first', () => {
  it('keeps what I changed and takes their value for what I left alone', () => {
    const base = { ...emptyCompanyValues, name: 'Verkstaden AB', city: 'Grästorp', headcount: 4 };
    const mine = { ...base, streetAddress: 'Nya vägen 3' };
    const theirs = { ...base, city: 'Skövde', headcount: 7 };
    expect(mergeEdits(base, mine, theirs)).toMatchObject({
      streetAddress: 'Nya vägen 3',
      city: 'Skövde',
      headcount: 7,
    });
  });

  it('keeps my value where we both changed the same fact', () => {
    const base = { ...emptyCompanyValues, city: 'Grästorp' };
    expect(mergeEdits(base, { ...base, city: 'Lidköping' }, { ...base, city: 'Skövde' }).city).toBe('Lidköping');
  });
});
