// @vitest-environment jsdom
import '../test-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { abilities, type Ability } from '../../core/access';
import { renderElement } from '../components/test-render';
import { MainNavigation, visibleNavItems } from './navigation';

// Built from the list, so a new ability does not need a line here.
const none = Object.fromEntries(abilities.map((ability) => [ability, false])) as Record<Ability, boolean>;
const admin = Object.fromEntries(abilities.map((ability) => [ability, true])) as Record<Ability, boolean>;
const coach = {
  ...none,
  viewUsers: true,
  viewProgrammeActionTotals: true,
  viewCompanies: true,
  viewApiDocs: true,
  registerCompanies: true,
  importCompanies: true,
  lookUpCompanies: true,
  viewHandovers: true,
  viewActivities: true,
  createActivities: true,
};

describe('main navigation', () => {
  it('offers only the overview to a user without abilities', () => {
    expect(visibleNavItems(none).map((item) => item.key)).toEqual(['overview']);
  });

  it('offers an admin every item, in menu order', () => {
    expect(visibleNavItems(admin).map((item) => item.key)).toEqual([
      'overview',
      'myWeek',
      'companies',
      'activities',
      'timeReport',
      'actionTotals',
      'reports',
      'handovers',
      'users',
      'organisations',
      'factorSets',
      'stateAid',
      'outbox',
      'apiDocs',
    ]);
  });

  it('shows a coach companies, hand-overs, users and the API documentation but not organisations or the outbox', () => {
    renderElement(<MainNavigation abilities={coach} />, '/users');
    expect(screen.getByRole('link', { name: 'Översikt' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'Företag' })).toHaveAttribute('href', '/companies');
    expect(screen.getByRole('link', { name: 'Överlämningar' })).toHaveAttribute('href', '/handovers');
    expect(screen.getByRole('link', { name: 'Aktiviteter' })).toHaveAttribute('href', '/activities');
    expect(screen.getByRole('link', { name: 'Effekter av åtgärder' })).toHaveAttribute('href', '/action-totals');
    expect(screen.getByRole('link', { name: 'Användare' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'API-dokumentation' })).toHaveAttribute('href', '/api/docs');
    expect(screen.queryByRole('link', { name: 'Organisationer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'E-postutkorg' })).not.toBeInTheDocument();
  });
});
