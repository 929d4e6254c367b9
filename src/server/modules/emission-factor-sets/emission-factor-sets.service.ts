import { defaultFactorSet } from '../../../core/energy';
import { can } from '../../../core/access';
import type { Actor, SignedInActor } from '../../../core/roles';
import type { EmissionFactorSetEntry, EmissionFactorSetList } from '../../../contracts/analyses';
import type { EmissionFactorSetContent } from '../../../contracts/emission-factors';
import type { FieldError } from '../../../contracts/common';
import type { AppContext } from '../../context';
import { emissionFactorSets as contentFactorSets, energyCarriers } from '../../content/emission-factors';
import type { Db } from '../../db/client';
import { conflict, forbidden, invalidField, notFound, ruleViolated, staleVersion, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import * as q from './emission-factor-sets.queries';

// The emission factor sets (decisions 016 and 020): the dated content files, and the sets admins keep
// in the database. Energy mappings copy a set's factors (the analyses module); an action with an
// energy carrier takes the factor of the set in use today (decision 038).

function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

function contentEntry(set: EmissionFactorSetContent): EmissionFactorSetEntry {
  return { set, origin: 'content', version: null, updatedAt: null };
}

function databaseEntry(row: q.EmissionFactorSetRow): EmissionFactorSetEntry {
  return { set: row.content, origin: 'database', version: row.version, updatedAt: row.updatedAt.toISOString() };
}

async function listFactorSetEntries(db: Db): Promise<EmissionFactorSetEntry[]> {
  const rows = await q.listEmissionFactorSetRows(db);
  return [...contentFactorSets.map(contentEntry), ...rows.map(databaseEntry)].sort(
    (a, b) => a.set.validFrom.localeCompare(b.set.validFrom) || a.set.key.localeCompare(b.set.key),
  );
}

/** A set by its key, from the content files or the database. */
export async function findFactorSetEntry(db: Db, key: string): Promise<EmissionFactorSetEntry | undefined> {
  const fromContent = contentFactorSets.find((set) => set.key === key);
  if (fromContent) return contentEntry(fromContent);
  const row = await q.findEmissionFactorSetRow(db, key);
  return row ? databaseEntry(row) : undefined;
}

/** The sets a mapping may use, the carriers the form offers, and whether the actor edits sets. */
export async function listEmissionFactorSets(ctx: AppContext, actor: Actor): Promise<EmissionFactorSetList> {
  const user = signedIn(actor);
  return {
    carriers: [...energyCarriers],
    sets: await listFactorSetEntries(ctx.db),
    canManage: can(user, 'manageEmissionFactorSets'),
  };
}

/** A set must name known carriers and cover every one (as the content files do, decision 016). */
function checkFactorSet(set: EmissionFactorSetContent, prefix: string): void {
  const fields: FieldError[] = [];
  set.factors.forEach((factor, index) => {
    if (!energyCarriers.some((carrier) => carrier.key === factor.carrier)) {
      fields.push({
        field: `${prefix}factors.${index}.carrier`,
        code: 'unknown_carrier',
        message: 'No such carrier',
      });
    }
  });
  const missing = energyCarriers.filter((carrier) => !set.factors.some((factor) => factor.carrier === carrier.key));
  if (missing.length > 0) {
    fields.push({
      field: `${prefix}factors`,
      code: 'missing_carriers',
      message: `A set gives a factor for every carrier; missing: ${missing.map((c) => c.key).join(', ')}`,
    });
  }
  if (fields.length > 0) throw ruleViolated('The factor set is incomplete', fields);
}

function requireManager(actor: Actor): SignedInActor {
  const user = signedIn(actor);
  if (!can(user, 'manageEmissionFactorSets')) throw forbidden('Project management keeps the emission factor sets');
  return user;
}

/** Adds a factor set kept in the platform (admins). Its key must be new, also among the content files. */
export async function createEmissionFactorSet(
  ctx: AppContext,
  actor: Actor,
  set: EmissionFactorSetContent,
): Promise<EmissionFactorSetEntry> {
  const user = requireManager(actor);
  checkFactorSet(set, '');
  await ctx.db.transaction(async (tx) => {
    if (await findFactorSetEntry(tx, set.key)) throw conflict(`A factor set with the key ${set.key} exists`);
    const now = ctx.now();
    const values = {
      key: set.key,
      content: set,
      validFrom: set.validFrom,
      updatedBy: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    await q.insertEmissionFactorSet(tx, values);
    await recordAudit(tx, user, now, {
      action: 'emission_factor_set.create',
      entityType: 'emission_factor_set',
      entityId: set.key,
      after: set,
    });
  });
  return (await findFactorSetEntry(ctx.db, set.key))!;
}

/** Changes a set kept in the platform (admins); the content files are read-only. Mappings keep the
 * factors they were saved with, so a change reaches only mappings saved with the set afterwards. */
export async function updateEmissionFactorSet(
  ctx: AppContext,
  actor: Actor,
  key: string,
  input: { version: number; set: EmissionFactorSetContent },
): Promise<EmissionFactorSetEntry> {
  const user = requireManager(actor);
  if (input.set.key !== key) throw invalidField('set.key', 'key_changed', 'The key of a set does not change');
  if (contentFactorSets.some((set) => set.key === key)) {
    throw ruleViolated('A set from the content files is read-only: add a new set instead', [
      { field: 'set.key', code: 'read_only', message: 'This set is a content file' },
    ]);
  }
  checkFactorSet(input.set, 'set.');
  await ctx.db.transaction(async (tx) => {
    const before = await q.findEmissionFactorSetRow(tx, key);
    if (!before) throw notFound('The factor set');
    if (before.version !== input.version) throw staleVersion(before.version);
    const now = ctx.now();
    const after = await q.updateEmissionFactorSetIfVersion(tx, key, input.version, {
      content: input.set,
      validFrom: input.set.validFrom,
      updatedBy: user.userId,
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, user, now, {
      action: 'emission_factor_set.update',
      entityType: 'emission_factor_set',
      entityId: key,
      before: before.content,
      after: input.set,
    });
  });
  return (await findFactorSetEntry(ctx.db, key))!;
}

/**
 * Each carrier's factor in the set in use in `year` (the newest set valid on or before the year's
 * last day, `defaultFactorSet`; the newest of all when every set starts later, as the mapping form
 * falls back): what an action that names a carrier now takes as its snapshot (decision 038).
 */
export async function currentEmissionFactors(
  db: Db,
  year: number,
): Promise<{ setKey: string | null; factors: Map<string, number> }> {
  const entries = (await listFactorSetEntries(db)).map((entry) => entry.set);
  const set = defaultFactorSet(entries, year) ?? entries.at(-1);
  return {
    setKey: set?.key ?? null,
    factors: new Map((set?.factors ?? []).map((factor) => [factor.carrier, factor.value])),
  };
}
