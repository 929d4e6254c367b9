// @vitest-environment jsdom
import '../../../test-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderElement } from '../../../components/test-render';
import { erasedMessageMarker, withheldLinkMarker } from '../../../../contracts/outbox-markers';
import { MessageBody, splitLinks } from './message-body';

describe('outbox message body', () => {
  it('splits a body into text and http(s) links', () => {
    expect(splitLinks('Hej!\nÖppna https://iiw.example/invitation?token=abc_123 för att börja.')).toEqual([
      { kind: 'text', value: 'Hej!\nÖppna ' },
      { kind: 'link', value: 'https://iiw.example/invitation?token=abc_123' },
      { kind: 'text', value: ' för att börja.' },
    ]);
  });

  it('names a withheld one-time link instead of showing a link (issue 14, finding 4)', () => {
    expect(splitLinks(`Välj lösenord:\n\n${withheldLinkMarker}\n\nSlut`)).toEqual([
      { kind: 'text', value: 'Välj lösenord:\n\n' },
      { kind: 'withheld', value: withheldLinkMarker },
      { kind: 'text', value: '\n\nSlut' },
    ]);
    renderElement(<MessageBody body={`Välj lösenord:\n\n${withheldLinkMarker}`} />);
    expect(screen.getByText('[Engångslänken visas inte här: bara mottagaren får den]')).toBeInTheDocument();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('says that a message was erased with its recipient (issue 14, finding 3)', () => {
    renderElement(<MessageBody body={erasedMessageMarker} />);
    expect(screen.getByText('Meddelandet är raderat: mottagaren har raderats ur plattformen.')).toBeInTheDocument();
  });

  it('makes the links of an e-mail clickable and leaves other schemes as text', () => {
    renderElement(<MessageBody body={'Länk: http://localhost:3000/reset-password?token=xyz\njavascript:alert(1)'} />);
    expect(screen.getByRole('link', { name: 'http://localhost:3000/reset-password?token=xyz' })).toHaveAttribute(
      'href',
      'http://localhost:3000/reset-password?token=xyz',
    );
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
