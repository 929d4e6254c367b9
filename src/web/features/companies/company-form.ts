import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  companyFactFields,
  createCompanyBodySchema,
  organisationNumberSchema,
  updateCompanyBodySchema,
  type Company,
  type CompanyFactField,
  type CreateCompanyBody,
} from '../../../contracts/companies';
import { zodValidate } from '../../components/form-validation';

// The register and edit forms share their fields; the values are strings (and numbers or '' from
// number inputs) as the inputs hold them, turned into the contract's body on submit.

export type NumberValue = number | string;

export type CompanyFormValues = {
  organisationNumber: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  municipalityCode: string | null;
  sniCode: string;
  headcount: NumberValue;
  turnoverSek: NumberValue;
  balanceSheetSek: NumberValue;
  financialYear: NumberValue;
  organisationId: string | null;
  coachId: string | null;
};

export type FactField = CompanyFactField | 'coachId';
/** The fields a company's edit form offers: the register's facts as the contract lists them, and
 * the coach (the number and organisation are not edited). */
export const factFields: readonly FactField[] = [...companyFactFields, 'coachId'];

export const emptyCompanyValues: CompanyFormValues = {
  organisationNumber: '',
  name: '',
  streetAddress: '',
  postalCode: '',
  city: '',
  municipalityCode: null,
  sniCode: '',
  headcount: '',
  turnoverSek: '',
  balanceSheetSek: '',
  financialYear: '',
  organisationId: null,
  coachId: null,
};

export function valuesFromCompany(company: Company): CompanyFormValues {
  return {
    organisationNumber: company.organisationNumber,
    name: company.name,
    streetAddress: company.streetAddress ?? '',
    postalCode: company.postalCode ?? '',
    city: company.city ?? '',
    municipalityCode: company.municipalityCode,
    sniCode: company.sniCode ?? '',
    headcount: company.headcount ?? '',
    turnoverSek: company.turnoverSek ?? '',
    balanceSheetSek: company.balanceSheetSek ?? '',
    financialYear: company.financialYear ?? '',
    organisationId: company.organisationId,
    coachId: company.coachId,
  };
}

function toNumber(value: NumberValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.replace(/\s/g, '').replace(',', '.');
  return text === '' ? null : Number(text);
}

const toText = (value: string) => value.trim() || null;

/** The facts as the API takes them: empty inputs become null. */
export function factsFromValues(values: CompanyFormValues) {
  return {
    name: values.name.trim(),
    streetAddress: toText(values.streetAddress),
    postalCode: toText(values.postalCode),
    city: toText(values.city),
    municipalityCode: values.municipalityCode,
    sniCode: toText(values.sniCode),
    headcount: toNumber(values.headcount),
    turnoverSek: toNumber(values.turnoverSek),
    balanceSheetSek: toNumber(values.balanceSheetSek),
    financialYear: toNumber(values.financialYear),
    coachId: values.coachId,
  };
}

export function createBodyFromValues(values: CompanyFormValues, withOrganisation: boolean): CreateCompanyBody {
  return {
    organisationNumber: values.organisationNumber.trim(),
    ...factsFromValues(values),
    ...(withOrganisation && values.organisationId ? { organisationId: values.organisationId } : {}),
  };
}

export type OrganisationNumberProblem =
  'required' | 'organisation_number_format' | 'organisation_number_check_digit' | 'organisation_number_birth_date';

/** Why an organisation number is refused, by the contract's own rule (format, then check digit). */
export function organisationNumberProblem(value: string): OrganisationNumberProblem | null {
  if (value.trim() === '') return 'required';
  const result = organisationNumberSchema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const reason = issue && 'params' in issue ? (issue.params as { reason?: string } | undefined)?.reason : undefined;
  return reason === 'organisation_number_check_digit' || reason === 'organisation_number_birth_date'
    ? reason
    : 'organisation_number_format';
}

/** The number written NNNNNN-NNNN when it is valid, otherwise as typed. */
export function normaliseOrganisationNumber(value: string): string {
  const result = organisationNumberSchema.safeParse(value);
  return result.success ? result.data : value;
}

export function organisationNumberMessage(t: TFunction, problem: OrganisationNumberProblem): string {
  switch (problem) {
    case 'required':
      return t('validation.required');
    case 'organisation_number_format':
      return t('companies.validation.organisationNumberFormat');
    case 'organisation_number_check_digit':
      return t('companies.validation.organisationNumberCheckDigit');
    case 'organisation_number_birth_date':
      return t('companies.validation.organisationNumberBirthDate');
  }
}

/** Field-specific words for the fields whose contract rule is a pattern. */
function refine(t: TFunction, errors: Record<string, string>, values: CompanyFormValues, withNumber: boolean) {
  const refined = { ...errors };
  if (withNumber) {
    const problem = organisationNumberProblem(values.organisationNumber);
    if (problem) refined.organisationNumber = organisationNumberMessage(t, problem);
  }
  if (refined.postalCode) refined.postalCode = t('companies.validation.postalCode');
  if (refined.sniCode) refined.sniCode = t('companies.validation.sniCode');
  if (refined.municipalityCode) refined.municipalityCode = t('companies.validation.municipality');
  for (const field of ['headcount', 'turnoverSek', 'balanceSheetSek'] as const) {
    if (refined[field]) refined[field] = t('companies.validation.wholeNumber');
  }
  if (refined.financialYear) refined.financialYear = t('companies.validation.year');
  return refined;
}

export function validateCreate(t: TFunction, withOrganisation: boolean) {
  const base = zodValidate<CompanyFormValues>(createCompanyBodySchema as z.ZodType<unknown>, t, (values) =>
    createBodyFromValues(values, withOrganisation),
  );
  return (values: CompanyFormValues) => {
    const errors = refine(t, base(values), values, true);
    if (withOrganisation && !values.organisationId) errors.organisationId = t('companies.validation.organisation');
    return errors;
  };
}

export function validateUpdate(t: TFunction) {
  const base = zodValidate<CompanyFormValues>(updateCompanyBodySchema as z.ZodType<unknown>, t, (values) => ({
    version: 1,
    ...factsFromValues(values),
  }));
  return (values: CompanyFormValues) => refine(t, base(values), values, false);
}

/** The fact fields whose stored value differs between two readings of a company (for a 409). */
export function changedFactFields(before: Company, after: Company): FactField[] {
  const a = valuesFromCompany(before);
  const b = valuesFromCompany(after);
  return factFields.filter((field) => String(a[field] ?? '') !== String(b[field] ?? ''));
}

/**
 * After a 409, keeps what this user changed and takes the other person's value for every fact
 * this user left alone, so "keep mine" does not silently undo someone else's edit.
 */
export function mergeEdits(
  base: CompanyFormValues,
  mine: CompanyFormValues,
  theirs: CompanyFormValues,
): CompanyFormValues {
  const merged = { ...mine };
  for (const field of factFields) {
    if (String(mine[field] ?? '') === String(base[field] ?? '')) Object.assign(merged, { [field]: theirs[field] });
  }
  return merged;
}
