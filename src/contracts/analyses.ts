import { z } from 'zod';
import { analysisKinds, type AnalysisKind } from '../core/analyses';
import { energyUseCategories, energyUseGroups, type EnergyUseCategory } from '../core/energy';
import { maturityAreas } from '../core/maturity-areas';
import { effectLimit, investmentSekSchema } from './action-plans';
import { idSchema, visibleLine } from './common';
import { contentKeySchema } from './content-fields';
import { contentSourceSchema, emissionFactorSetSchema, energyCarrierSchema } from './emission-factors';
import { energyMappingInputSchema, energyUseCategorySchema } from './energy-mappings';

// Analyses of a company (issue 5, items 3 and 4; docs/decisions/020): an energy mapping computed by
// the core, and three structured forms (resource and waste flows, circular business model, digital)
// whose findings become actions. The web's forms parse with the same schemas.

export const analysisKindSchema = z.enum(analysisKinds);

export const analysisLimits = {
  titleMax: 200,
  textMax: 4_000,
  rowsMax: 100,
  /** One file kept with an analysis: invoices, meter exports, photos. */
  attachmentMaxBytes: 10 * 1024 * 1024,
  attachmentsPerAnalysis: 20,
  filenameMax: 200,
} as const;

const title = visibleLine(z.string().trim().min(1, { error: 'Enter a title' }).max(analysisLimits.titleMax));
const text = z.string().trim().max(analysisLimits.textMax);
const optionalText = text.nullable().optional();
const tonnes = z.number({ error: 'Enter tonnes per year' }).min(0).max(effectLimit);
const sek = z.number({ error: 'Enter an amount in SEK' }).min(0).max(effectLimit).nullable().optional();
const rows = <T extends z.ZodType>(row: T) => z.array(row).max(analysisLimits.rowsMax).default([]);

/** The waste hierarchy (Waste Framework Directive 2008/98/EC art. 4), best first, as the form offers it. */
export const wasteTreatments = ['reuse', 'recycling', 'energy_recovery', 'landfill'] as const;

/** Resource and waste flows: what goes in and what leaves as waste, with tonnes per year and cost. */
export const resourceFlowsContentSchema = z.strictObject({
  materialInputs: rows(
    z.strictObject({
      name: title,
      tonnesPerYear: tonnes,
      costSek: sek,
      /** Share of the input that is recycled or renewable material (WBCSD CTI: % circular inflow). */
      circularSharePercent: z.number().min(0).max(100).nullable().optional(),
    }),
  ),
  wasteStreams: rows(
    z.strictObject({
      name: title,
      tonnesPerYear: tonnes,
      treatment: z.enum(wasteTreatments),
      costSek: sek,
    }),
  ),
  notes: optionalText,
});
export type ResourceFlowsContent = z.infer<typeof resourceFlowsContentSchema>;

/** The five circular business model archetypes (docs/domain.md, "Circular business models"). */
export const circularArchetypes = [
  'circular_supplies',
  'resource_recovery',
  'product_life_extension',
  'sharing_platforms',
  'product_as_a_service',
] as const;
/** The 9R ladder, R0 Refuse … R9 Recover (docs/domain.md). */
export const rStrategies = [
  'refuse',
  'rethink',
  'reduce',
  'reuse',
  'repair',
  'refurbish',
  'remanufacture',
  'repurpose',
  'recycle',
  'recover',
] as const;
/** How far the company has come with an archetype or an R-strategy. */
export const circularStatuses = ['not_relevant', 'opportunity', 'started', 'in_place'] as const;

export const circularBusinessModelContentSchema = z.strictObject({
  currentModel: optionalText,
  archetypes: rows(
    z.strictObject({ archetype: z.enum(circularArchetypes), status: z.enum(circularStatuses), note: optionalText }),
  ),
  rStrategies: rows(
    z.strictObject({ strategy: z.enum(rStrategies), status: z.enum(circularStatuses), note: optionalText }),
  ),
  opportunities: rows(z.strictObject({ title, description: optionalText })),
});
export type CircularBusinessModelContent = z.infer<typeof circularBusinessModelContentSchema>;

export const digitalSystemCategories = ['erp', 'mes', 'cad_plm', 'crm', 'bi', 'scada', 'maintenance', 'other'] as const;
export const dataCollectionMethods = ['manual', 'semi_automatic', 'automatic'] as const;
export const gapPriorities = ['low', 'medium', 'high'] as const;

/** Digital analysis: the systems in use, how data is collected, and the gaps (EDIH DMA's dimensions as a guide). */
export const digitalContentSchema = z.strictObject({
  systems: rows(z.strictObject({ name: title, category: z.enum(digitalSystemCategories), note: optionalText })),
  dataCollection: rows(z.strictObject({ what: title, method: z.enum(dataCollectionMethods), note: optionalText })),
  gaps: rows(z.strictObject({ title, description: optionalText, priority: z.enum(gapPriorities) })),
});
export type DigitalContent = z.infer<typeof digitalContentSchema>;

/** Each kind's content: the one place a kind gets its form, from which the bodies below are built. */
export const analysisContentSchemas = {
  energy_mapping: energyMappingInputSchema,
  resource_flows: resourceFlowsContentSchema,
  circular_business_model: circularBusinessModelContentSchema,
  digital: digitalContentSchema,
} as const satisfies Record<AnalysisKind, z.ZodType>;

type AnalysisKinds = typeof analysisKinds;

const isoDate = z.iso.date({ error: 'An ISO date, e.g. 2026-11-20' });
const year = z.number().int().min(1990).max(2100);

const commonFields = {
  title,
  /** The year the analysis describes; an energy mapping's year is its content's. */
  year: year.nullable().optional(),
  performedOn: isoDate.nullable().optional(),
  summary: optionalText,
};

const createVariant = <K extends AnalysisKind>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), ...commonFields, content: analysisContentSchemas[kind] });
// Mapped over a type parameter so that the tuple of kinds maps to a tuple of variants.
type CreateVariants<T extends readonly AnalysisKind[]> = {
  -readonly [I in keyof T]: ReturnType<typeof createVariant<T[I] & AnalysisKind>>;
};

/** A new analysis of any kind, its content checked by the kind's schema. */
export const createAnalysisBodySchema = z.discriminatedUnion(
  'kind',
  analysisKinds.map((kind) => createVariant(kind)) as unknown as CreateVariants<AnalysisKinds>,
);
export type CreateAnalysisBody = z.input<typeof createAnalysisBodySchema>;

const updateFields = {
  version: z.number().int().min(1),
  title: title.optional(),
  year: year.nullable().optional(),
  performedOn: isoDate.nullable().optional(),
  summary: optionalText,
};

const updateVariant = <K extends AnalysisKind>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), ...updateFields, content: z.optional(analysisContentSchemas[kind]) });
type UpdateVariants<T extends readonly AnalysisKind[]> = {
  -readonly [I in keyof T]: ReturnType<typeof updateVariant<T[I] & AnalysisKind>>;
};

/** A change names the kind (it must be the analysis's own: 422 otherwise) so its content is checked. */
export const updateAnalysisBodySchema = z.discriminatedUnion(
  'kind',
  analysisKinds.map((kind) => updateVariant(kind)) as unknown as UpdateVariants<AnalysisKinds>,
);
export type UpdateAnalysisBody = z.input<typeof updateAnalysisBodySchema>;

export const versionBodySchema = z.strictObject({ version: z.number().int().min(1) });

// The core's results (src/core/energy.ts), as the API answers them.
const energyTotalsFields = {
  kwh: z.number(),
  costSek: z.number(),
  co2eKg: z.number(),
  isCostComplete: z.boolean(),
  isCo2eComplete: z.boolean(),
};
const balanceRow = { kwh: z.number(), co2eKg: z.number() };

export const energyMappingResultSchema = z.object({
  year: z.number(),
  factorSetKey: z.string(),
  lines: z.array(
    z.object({
      line: z.number(),
      carrier: z.string(),
      kwh: z.number().nullable(),
      costSek: z.number().nullable(),
      factorKgPerKwh: z.number().nullable(),
      factorOrigin: z.enum(['set', 'line']).nullable(),
      co2eKg: z.number().nullable(),
    }),
  ),
  carriers: z.array(z.object({ carrier: z.string(), ...energyTotalsFields, sekPerKwh: z.number().nullable() })),
  total: z.object(energyTotalsFields),
  balance: z.object({
    categories: z.array(
      z.object({
        category: z.enum(energyUseCategories as [EnergyUseCategory, ...EnergyUseCategory[]]),
        group: z.enum(energyUseGroups),
        ...balanceRow,
      }),
    ),
    groups: z.array(z.object({ group: z.enum(energyUseGroups), ...balanceRow })),
    unallocated: z.object(balanceRow),
  }),
});
export type EnergyMappingResultDto = z.infer<typeof energyMappingResultSchema>;

const effects = {
  expectedKwh: z.number().nullable(),
  expectedCo2eKg: z.number().nullable(),
  expectedSek: z.number().nullable(),
  expectedMaterialTonnes: z.number().nullable(),
};

export const findingSchema = z.object({
  id: idSchema,
  analysisId: idSchema,
  position: z.number(),
  area: z.enum(maturityAreas),
  title: z.string(),
  description: z.string().nullable(),
  energyCategory: z.string().nullable(),
  carrier: z.string().nullable(),
  investmentSek: z.number().nullable(),
  ...effects,
  /** Investment / yearly SEK saving (src/core/effects.ts). */
  paybackYears: z.number().nullable(),
  actionId: idSchema.nullable(),
  version: z.number(),
});
export type Finding = z.infer<typeof findingSchema>;

const effectInput = z.number({ error: 'Enter a number' }).min(-effectLimit).max(effectLimit).nullable().optional();

const findingFields = {
  title,
  description: optionalText,
  /** Defaults to the analysis's area (energy mapping → energy transition, …). */
  area: z.enum(maturityAreas).optional(),
  energyCategory: energyUseCategorySchema.nullable().optional(),
  /** For an energy measure: the carrier it saves; CO2e (and SEK) are computed from the kWh unless typed. */
  carrier: contentKeySchema.nullable().optional(),
  investmentSek: investmentSekSchema.optional(),
  expectedKwh: effectInput,
  expectedCo2eKg: effectInput,
  expectedSek: effectInput,
  expectedMaterialTonnes: effectInput,
};

export const createFindingBodySchema = z.strictObject(findingFields);
export type CreateFindingBody = z.input<typeof createFindingBodySchema>;

export const updateFindingBodySchema = createFindingBodySchema.partial().extend({ version: z.number().int().min(1) });
export type UpdateFindingBody = z.input<typeof updateFindingBodySchema>;

export const convertedFindingSchema = z.object({ finding: findingSchema, actionId: idSchema });

export const attachmentSchema = z.object({
  id: idSchema,
  analysisId: idSchema,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
  canDelete: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });

export const uploadAttachmentBodySchema = z.strictObject({
  filename: visibleLine(z.string().trim().min(1, { error: 'Name the file' }).max(analysisLimits.filenameMax)),
  contentType: z
    .string()
    .max(100)
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, { error: 'A media type, e.g. application/pdf' })
    .optional(),
  /** The file, base64: a 10 MB file grows by a third (as the company import sends its file). */
  contentBase64: z
    .string()
    .min(1, { error: 'Choose a file' })
    .max(Math.ceil((analysisLimits.attachmentMaxBytes * 4) / 3) + 4, { error: 'A file may be at most 10 MB' }),
});
export type UploadAttachmentBody = z.infer<typeof uploadAttachmentBodySchema>;

export const analysisAbilitiesSchema = z.object({
  canEdit: z.boolean(),
  canUploadAttachments: z.boolean(),
  canConvertFindings: z.boolean(),
});

export const factorSetRefSchema = z.object({
  key: z.string(),
  name: z.object({ sv: z.string(), en: z.string() }),
  validFrom: z.string(),
  source: contentSourceSchema,
  origin: z.enum(['content', 'database']),
});

export const analysisSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  companyName: z.string(),
  organisationId: idSchema,
  kind: analysisKindSchema,
  title: z.string(),
  year: z.number().nullable(),
  performedOn: z.string().nullable(),
  summary: z.string().nullable(),
  /** The form's answers, in the shape of the kind's content schema above. */
  content: z.record(z.string(), z.unknown()),
  /** An energy mapping's factor set as it is now (null when it was removed), and the factors it was computed with. */
  factorSet: factorSetRefSchema.nullable(),
  factors: z.array(z.object({ carrier: z.string(), value: z.number() })).nullable(),
  /** An energy mapping's results, computed by the core with the stored factors. */
  energy: energyMappingResultSchema.nullable(),
  findings: z.array(findingSchema),
  attachments: z.array(attachmentSchema),
  version: z.number(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: analysisAbilitiesSchema,
});
export type Analysis = z.infer<typeof analysisSchema>;

export const analysisSummarySchema = z.object({
  id: idSchema,
  kind: analysisKindSchema,
  title: z.string(),
  year: z.number().nullable(),
  performedOn: z.string().nullable(),
  findingCount: z.number(),
  convertedCount: z.number(),
  /** An energy mapping's totals, for the list. */
  energyTotals: z.object(energyTotalsFields).nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type AnalysisSummary = z.infer<typeof analysisSummarySchema>;

export const analysisListSchema = z.object({
  companyName: z.string(),
  items: z.array(analysisSummarySchema),
  canCreate: z.boolean(),
});
export type AnalysisList = z.infer<typeof analysisListSchema>;

// Emission factor sets: the content files and the sets admins keep in the platform.
export const emissionFactorSetEntrySchema = z.object({
  set: emissionFactorSetSchema,
  origin: z.enum(['content', 'database']),
  /** A database set's version (409 on a stale one); null for a content file, which is read-only. */
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export type EmissionFactorSetEntry = z.infer<typeof emissionFactorSetEntrySchema>;

export const emissionFactorSetListSchema = z.object({
  carriers: z.array(energyCarrierSchema),
  sets: z.array(emissionFactorSetEntrySchema),
  canManage: z.boolean(),
});
export type EmissionFactorSetList = z.infer<typeof emissionFactorSetListSchema>;

export const updateEmissionFactorSetBodySchema = z.strictObject({
  version: z.number().int().min(1),
  set: emissionFactorSetSchema,
});
export const emissionFactorSetKeyParamsSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'A kebab-case key' })
    .max(100),
});
