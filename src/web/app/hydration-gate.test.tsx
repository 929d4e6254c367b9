// @vitest-environment jsdom
import '../test-setup';
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HydrationGate } from './hydration-gate';

// A drawn page's controls say they are disabled until React has taken the page over (decisions 051, 052).

const page = (
  <HydrationGate>
    <button type="button">Exportera</button>
  </HydrationGate>
);

describe('the hydration gate', () => {
  it('draws its controls disabled, and enables them once the page is taken over', async () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    const gate = container.querySelector('.hydration-gate')!;
    expect(gate.getAttribute('aria-disabled')).toBe('true');
    expect(gate.getAttribute('role')).toBe('group');
    await act(async () => {
      hydrateRoot(container, page);
    });
    expect(gate.hasAttribute('aria-disabled')).toBe(false);
    expect(gate.hasAttribute('role')).toBe(false);
    expect(container.querySelector('button')?.textContent).toBe('Exportera');
  });
});
