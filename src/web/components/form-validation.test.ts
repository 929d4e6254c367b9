import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createContactBodySchema } from '../../contracts/contacts';
import { zodValidate } from './form-validation';

// The key stands in for the translation, so the test sees which text the form would show.
const t = ((key: string) => key) as unknown as TFunction;

describe('zodValidate', () => {
  it('shows the reason a contract rule names, as the server would send it (decision 033)', () => {
    const validate = zodValidate(createContactBodySchema, t);
    expect(validate({ name: '\u200B\u200B', gender: 'man' })).toEqual({ name: 'fieldErrors.invisible_only' });
    expect(validate({ name: 'Olof \u202ETvåsson', gender: 'man' })).toEqual({ name: 'fieldErrors.direction_control' });
    expect(validate({ name: '', gender: 'man' })).toEqual({ name: 'validation.required' });
  });
});
