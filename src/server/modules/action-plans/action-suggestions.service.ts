import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actionAbilities, type CompanyRef } from '../../../core/access';
import { suggestActions } from '../../../core/action-suggestions';
import { stepOfScore } from '../../../core/maturity-scoring';
import type { Actor, SignedInActor } from '../../../core/roles';
import type {
  Action,
  ActionSuggestionList,
  adoptSuggestionBodySchema,
  dismissSuggestionBodySchema,
} from '../../../contracts/action-plans';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { actionCatalogue } from '../../content/action-catalogue';
import { conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { listLatestCoachMeasurements } from '../maturity/maturity.service';
import { getPlanCompany, signedIn } from './action-plan-access';
import * as q from './action-plans.queries';
import { co2eColumns, effectValues, insertActionAudited, toAction } from './action-plans.service';

// Suggestions: measures from the catalogue for the company's weakest areas and dimensions, which
// the coach adopts into the plan, dismisses or restores.

type AdoptInput = z.output<typeof adoptSuggestionBodySchema>;
type DismissInput = z.output<typeof dismissSuggestionBodySchema>;

/** The company for the suggestions: staff only (a company user gets 403 on their own company). */
async function getSuggestionCompany(db: Db, actor: SignedInActor, companyId: string): Promise<CompanyRef> {
  const company = await getPlanCompany(db, actor, companyId);
  if (!actionAbilities(actor, company).canSeeSuggestions) throw forbidden('Suggestions are for the coach');
  return company;
}

/** Suggestions per measured area: the three that matter most, so the coach reads them all. */
const suggestionsPerArea = 3;

/** Suggestions per measured area from the catalogue, without what the company adopted or dismissed. */
async function buildSuggestions(db: Db, companyId: string) {
  const [measurements, adopted, dismissals] = await Promise.all([
    listLatestCoachMeasurements(db, companyId),
    q.listUsedCatalogueKeys(db, companyId),
    q.listDismissals(db, companyId),
  ]);
  const excludeKeys = new Set([...adopted, ...dismissals.map((d) => d.catalogueKey)]);
  const suggestions = measurements.flatMap((measurement) =>
    suggestActions(
      {
        area: measurement.area,
        step: measurement.step,
        dimensions: measurement.dimensions.map((d) => ({
          key: d.key,
          score: d.score,
          step: d.score === null ? null : stepOfScore(d.score),
        })),
      },
      actionCatalogue,
      { excludeKeys, limit: suggestionsPerArea },
    ).map((suggestion) => ({ ...suggestion, dimensionNames: measurement.dimensionNames })),
  );
  return { measurements, suggestions, dismissals };
}

export async function listSuggestions(ctx: AppContext, actor: Actor, companyId: string): Promise<ActionSuggestionList> {
  const user = signedIn(actor);
  await getSuggestionCompany(ctx.db, user, companyId);
  const { measurements, suggestions, dismissals } = await buildSuggestions(ctx.db, companyId);
  const entries = new Map(actionCatalogue.map((entry) => [entry.key, entry]));
  return {
    companyId,
    measuredAreas: measurements.map((m) => m.area),
    items: suggestions.map(({ action, reason, dimensionNames }) => ({
      catalogueKey: action.key,
      area: action.area,
      title: action.title,
      description: action.description,
      typicalInvestment: action.typicalInvestment?.level ?? null,
      reason:
        reason.kind === 'weak_dimension'
          ? {
              ...reason,
              dimensionName: dimensionNames.find((d) => d.key === reason.dimensionKey)?.name ?? null,
            }
          : reason,
    })),
    dismissed: dismissals.flatMap((d) => {
      const entry = entries.get(d.catalogueKey);
      return entry
        ? [
            {
              catalogueKey: d.catalogueKey,
              area: entry.area,
              title: entry.title,
              reason: d.reason,
              dismissedAt: d.dismissedAt.toISOString(),
            },
          ]
        : [];
    }),
  };
}

function getCatalogueEntry(key: string) {
  const entry = actionCatalogue.find((candidate) => candidate.key === key);
  if (!entry) throw notFound('The suggestion');
  return entry;
}

/**
 * Adopts a catalogue measure into the plan: title and description in the user's language (the
 * body's `locale`, else the account's), the area, the step it aims for and the dimension from the
 * current suggestion's reason (else the step after the measure's highest fitting step), and the
 * catalogue key; the coach's edits in the body win. Adopting a key twice answers 409.
 */
export async function adoptSuggestion(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  key: string,
  input: AdoptInput,
): Promise<Action> {
  const user = signedIn(actor);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const company = await getSuggestionCompany(tx, user, companyId);
    const entry = getCatalogueEntry(key);
    if ((await q.listUsedCatalogueKeys(tx, companyId)).includes(key)) {
      throw conflict('This suggestion is already in the action plan');
    }
    const locale = input.locale ?? (await q.findUserLocale(tx, user.userId)) ?? 'sv';
    const { suggestions } = await buildSuggestions(tx, companyId);
    const reason = suggestions.find((s) => s.action.key === key)?.reason;
    const now = ctx.now();
    await insertActionAudited(
      tx,
      user,
      company,
      {
        id,
        companyId,
        area: entry.area,
        targetStep:
          input.targetStep !== undefined
            ? input.targetStep
            : (reason?.targetStep ?? Math.min(Math.max(...entry.forSteps) + 1, 5)),
        dimensionKey: reason?.kind === 'weak_dimension' ? reason.dimensionKey : (entry.dimensionKeys[0] ?? null),
        catalogueKey: key,
        title: input.title ?? entry.title[locale],
        description: input.description !== undefined ? input.description : entry.description[locale],
        ownerContactId: input.ownerContactId ?? null,
        ownerUserId: input.ownerUserId ?? null,
        dueOn: input.dueOn ?? null,
        status: 'planned',
        investmentSek: input.investmentSek ?? null,
        ...effectValues('expected', input.expected),
        ...(await co2eColumns(tx, null, input, now)),
        createdBy: user.userId,
        createdAt: now,
        updatedAt: now,
      },
      'action.adopt_suggestion',
    );
    // An adopted measure is no longer a dismissed one.
    await q.deleteDismissal(tx, companyId, key);
  });
  return toAction(user, (await q.findAction(ctx.db, id))!);
}

/** Dismisses a suggestion for the company (again: the reason is replaced); it is not suggested again. */
export async function dismissSuggestion(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  key: string,
  input: DismissInput,
): Promise<void> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const company = await getSuggestionCompany(tx, user, companyId);
    getCatalogueEntry(key);
    const now = ctx.now();
    const after = await q.upsertDismissal(tx, {
      companyId,
      catalogueKey: key,
      reason: input.reason ?? null,
      dismissedBy: user.userId,
      dismissedAt: now,
    });
    await recordAudit(tx, user, now, {
      action: 'action_suggestion.dismiss',
      entityType: 'action_suggestion',
      entityId: `${companyId}:${key}`,
      organisationId: company.organisationId,
      after,
    });
  });
}

/** Undoes a dismissal: the measure is suggested again. 404 when it was not dismissed. */
export async function restoreSuggestion(ctx: AppContext, actor: Actor, companyId: string, key: string): Promise<void> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const company = await getSuggestionCompany(tx, user, companyId);
    const before = await q.deleteDismissal(tx, companyId, key);
    if (!before) throw notFound('The dismissed suggestion');
    await recordAudit(tx, user, ctx.now(), {
      action: 'action_suggestion.restore',
      entityType: 'action_suggestion',
      entityId: `${companyId}:${key}`,
      organisationId: company.organisationId,
      before,
    });
  });
}
