// @vitest-environment jsdom
import '../test-setup';
import { Badge, DEFAULT_THEME } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderElement } from '../components/test-render';
import { cssVariablesResolver } from './theme';

describe('the theme', () => {
  it('keeps a badge in the case it was written ("12 MWh", not "12 MWH")', async () => {
    renderElement(<Badge>12 MWh</Badge>);
    const label = await screen.findByText('12 MWh');
    expect(label.closest('.mantine-Badge-root')?.getAttribute('style') ?? '').toContain('text-transform: none');
  });

  it('writes light badges, outline buttons and coloured text at 4.5:1 or more, on white and on shade 1', () => {
    const light = cssVariablesResolver(DEFAULT_THEME).light;
    const textColours = Object.entries(light).filter(([name]) => name.endsWith('-light-color'));
    expect(textColours.length).toBeGreaterThan(0);
    for (const [name, value] of textColours) {
      const colour = /--mantine-color-(\w+)-light-color/.exec(name)![1]!;
      expect(contrast(value, '#ffffff'), `${colour} on white`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(value, DEFAULT_THEME.colors[colour]![1]), `${colour} on shade 1`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

/** WCAG 2.1's contrast ratio of two #rrggbb colours (relative luminance, 1.4.3). */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
