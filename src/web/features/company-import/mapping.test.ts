import { describe, expect, it } from 'vitest';
import { unmappedColumns, withMapping } from './mapping';

describe('import column mapping', () => {
  it('points a field at a column', () => {
    expect(withMapping({ name: 'Företag' }, 'city', 'Ort')).toEqual({ name: 'Företag', city: 'Ort' });
  });

  it('lets another field go of a column this field takes, so one column feeds one field', () => {
    expect(withMapping({ name: 'Namn', city: 'Ort' }, 'streetAddress', 'Ort')).toEqual({
      name: 'Namn',
      streetAddress: 'Ort',
    });
  });

  it('clears a field when no column is chosen', () => {
    expect(withMapping({ name: 'Namn', city: 'Ort' }, 'city', null)).toEqual({ name: 'Namn' });
  });

  it('moves a field from one column to another', () => {
    expect(withMapping({ headcount: 'Anställda' }, 'headcount', 'Antal anställda')).toEqual({
      headcount: 'Antal anställda',
    });
  });

  it('lists the columns no field reads, in the file’s order', () => {
    expect(
      unmappedColumns(['Orgnr', 'Namn', 'Kommentar', 'Ort'], { organisationNumber: 'Orgnr', name: 'Namn' }),
    ).toEqual(['Kommentar', 'Ort']);
  });
});
