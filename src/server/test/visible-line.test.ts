import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uploadAttachmentBodySchema } from '../../contracts/analyses';
import { personNameSchema, visibleLine } from '../../contracts/common';
import { createCompanyBodySchema } from '../../contracts/companies';

// The contracts' rule for single lines a person types (decision 033); the routes' answers are in
// the companies and analyses tests.

function codesOf(result: { success: boolean; error?: z.ZodError }): unknown[] {
  return (result.error?.issues ?? []).map((issue) => (issue.code === 'custom' ? issue.params?.reason : issue.code));
}

describe('visibleLine (decision 033)', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Eexe.pdf'],
    ['a left-to-right embedding', 'Anna \u202ALind'],
    ['a pop directional formatting', 'Anna\u202C'],
    ['a first-strong isolate', '\u2068Anna Lind'],
    ['a pop directional isolate', 'Anna Lind\u2069'],
    ['a left-to-right mark', 'Anna\u200E Lind'],
    ['a right-to-left mark', 'Anna\u200F'],
    ['an Arabic letter mark', '\u061CAnna'],
  ])('refuses a name with %s', (_, name) => {
    expect(codesOf(personNameSchema.safeParse(name))).toEqual(['direction_control']);
  });

  it.each([
    ['zero-width spaces', '\u200B\u200B'],
    ['a zero-width joiner and non-joiner', '\u200C\u200D'],
    ['a word joiner between spaces', ' \u2060 '],
    ['a byte order mark between zero-width spaces', '\u200B\uFEFF\u200B'],
  ])('refuses a name of only %s', (_, name) => {
    expect(codesOf(personNameSchema.safeParse(name))).toEqual(['invisible_only']);
  });

  it.each([['Åsa Öberg'], ['José Núñez-Ruiz'], ['محمد علي'], ['Zoë'], ['👩\u200D🔧 Eva']])(
    'accepts %s as typed, apart from the trim',
    (name) => {
      expect(personNameSchema.parse(` ${name} `)).toBe(name);
    },
  );

  it('says why, in the message as well as the code', () => {
    const result = personNameSchema.safeParse('a\u202Eb');
    expect(result.error?.issues[0]?.message).toMatch(/direction/);
  });

  it('leaves an empty optional line to the rules of its own field', () => {
    const optional = visibleLine(z.string().trim().max(10));
    expect(optional.parse('')).toBe('');
    expect(codesOf(optional.safeParse('\u200B'))).toEqual(['invisible_only']);
    // An empty required line is reported once, as empty.
    expect(codesOf(personNameSchema.safeParse(''))).toEqual(['too_small']);
  });

  it('guards attachment file names and company names too', () => {
    const file = uploadAttachmentBodySchema.safeParse({ filename: 'invoice\u202Eexe.pdf', contentBase64: 'TVo=' });
    expect(codesOf(file)).toEqual(['direction_control']);
    const company = createCompanyBodySchema.safeParse({ organisationNumber: '556036-0793', name: '\u200B\u200B' });
    expect(codesOf(company)).toEqual(['invisible_only']);
  });
});
