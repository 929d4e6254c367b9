// @vitest-environment jsdom
import '../test-setup';
import { Badge } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderElement } from '../components/test-render';

describe('the theme', () => {
  it('keeps a badge in the case it was written ("12 MWh", not "12 MWH")', async () => {
    renderElement(<Badge>12 MWh</Badge>);
    const label = await screen.findByText('12 MWh');
    expect(label.closest('.mantine-Badge-root')?.getAttribute('style') ?? '').toContain('text-transform: none');
  });
});
