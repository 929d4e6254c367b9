// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderElement } from '../../../components/test-render';
import { MappingEditor } from './mapping-editor';

const columns = ['Orgnr', 'Företagsnamn', 'Ort', 'Kommentar'];

describe('import mapping editor', () => {
  it('shows the column the server guessed for each field, and the columns left out', () => {
    renderElement(
      <MappingEditor
        columns={columns}
        mapping={{ organisationNumber: 'Orgnr', name: 'Företagsnamn' }}
        onChange={() => {}}
      />,
    );
    expect(screen.getByRole('combobox', { name: /Organisationsnummer/ })).toHaveValue('Orgnr');
    expect(screen.getByRole('combobox', { name: /Företagsnamn/ })).toHaveValue('Företagsnamn');
    expect(screen.getByRole('combobox', { name: 'Ort' })).toHaveValue('');
    const unused = screen.getByRole('group', { name: 'Kolumner som inte importeras:' });
    expect(within(unused).getByText('Ort')).toBeInTheDocument();
    expect(within(unused).getByText('Kommentar')).toBeInTheDocument();
    expect(within(unused).queryByText('Orgnr')).not.toBeInTheDocument();
  });

  it('moves a column to the field chosen for it and frees it from the field that had it', async () => {
    const onChange = vi.fn();
    renderElement(
      <MappingEditor
        columns={columns}
        mapping={{ organisationNumber: 'Orgnr', name: 'Företagsnamn', city: 'Ort' }}
        onChange={onChange}
      />,
    );
    fireEvent.click(screen.getByRole('combobox', { name: 'Gatuadress' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Ort' }));
    expect(onChange).toHaveBeenCalledWith({ organisationNumber: 'Orgnr', name: 'Företagsnamn', streetAddress: 'Ort' });
  });
});
