import {
  energySavingEffect,
  mappingCarrierFactor,
  summariseEnergyMapping,
  type EmissionFactorSet,
} from '../../core/energy';
import type { EnergyMappingInput } from '../../contracts/energy-mappings';
import { emissionFactorSets, energyCarriers } from '../content/emission-factors';
import type { Db } from './client';
import { actions, analyses, analysisFindings } from './schema';

// Demo energy mappings (docs/decisions/020): one per listed demo company, with three or four
// carriers split over the balance, three measures, and the first measure already an action, so the
// company page, the charts and the action plan show something real on a first start. The figures
// are scaled per company from one invented workshop; every start gives the same rows.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type DemoMappingCompany = { companyId: string; organisationId: string; coachId: string };

function demoMapping(scale: number, withHeatingOil: boolean): EnergyMappingInput {
  const lines: EnergyMappingInput['lines'] = [
    {
      carrier: 'electricity',
      quantity: Math.round(420_000 * scale),
      unit: 'kWh',
      costSek: Math.round(588_000 * scale),
      split: {
        basis: 'share',
        parts: { production_processes: 55, compressed_air: 15, lighting: 10, ventilation: 12, office_equipment: 8 },
      },
    },
    {
      carrier: 'district_heating',
      quantity: Math.round(310 * scale),
      unit: 'MWh',
      costSek: Math.round(251_000 * scale),
      emissionFactorKgPerKwh: 0.042,
      split: { basis: 'share', parts: { space_heating: 85, hot_water: 15 } },
    },
    {
      carrier: 'diesel',
      quantity: Math.round(6_500 * scale),
      unit: 'litre',
      costSek: Math.round(130_000 * scale),
      split: { basis: 'share', parts: { internal_transport: 70, external_transport: 30 } },
    },
  ];
  if (withHeatingOil) {
    lines.push({
      carrier: 'heating_oil',
      quantity: Math.round(3_000 * scale),
      unit: 'litre',
      costSek: Math.round(45_000 * scale),
      split: { basis: 'share', parts: { production_processes: 100 } },
    });
  }
  return { year: 2025, factorSetKey: 'se-2023-residual-mix', lines };
}

const measures = [
  {
    title: 'Åtgärda läckor i tryckluftssystemet',
    description: 'Läcksökning med ultraljud och byte av kopplingar; sänk trycket från 7,5 till 6,5 bar.',
    energyCategory: 'compressed_air',
    carrier: 'electricity',
    kwhShare: 0.05,
    investmentSek: 45_000,
  },
  {
    title: 'LED-belysning med närvarostyrning i verkstaden',
    description: 'Byt lysrörsarmaturer mot LED och styr efter närvaro och dagsljus.',
    energyCategory: 'lighting',
    carrier: 'electricity',
    kwhShare: 0.06,
    investmentSek: 180_000,
  },
  {
    title: 'Värmeåtervinning från kompressorerna',
    description: 'Led kompressorernas spillvärme till lokaluppvärmningen.',
    energyCategory: 'space_heating',
    carrier: 'district_heating',
    kwhShare: 0.12,
    investmentSek: 220_000,
  },
] as const;

/** An energy mapping per company, with measures and the first measure turned into an action. */
export async function seedAnalysesDemo(db: Db, companiesToMap: readonly DemoMappingCompany[], now: Date) {
  const set = emissionFactorSets.find((candidate) => candidate.key === 'se-2023-residual-mix')!;
  const factors = set.factors.map((factor) => ({ carrier: factor.carrier, value: factor.value }));
  const coreSet: EmissionFactorSet = { key: set.key, validFrom: set.validFrom, factors };
  for (const [k, company] of companiesToMap.entries()) {
    const scale = 1 - k * 0.15;
    const content = demoMapping(scale, k % 2 === 0);
    const result = summariseEnergyMapping(content, energyCarriers, coreSet);
    const analysisId = id(5000 + k * 10);
    const createdAt = new Date(Date.UTC(2026, 2, 10 + k, 9));
    await db.insert(analyses).values({
      id: analysisId,
      companyId: company.companyId,
      organisationId: company.organisationId,
      kind: 'energy_mapping',
      title: 'Energikartläggning 2025',
      year: 2025,
      performedOn: `2026-03-${String(10 + k).padStart(2, '0')}`,
      summary: 'Kartläggning av energianvändningen 2025 med fakturor och mätardata från elnätsbolaget.',
      content,
      factorSetKey: set.key,
      factors,
      createdBy: company.coachId,
      createdAt,
      updatedAt: createdAt,
    });
    for (const [m, measure] of measures.entries()) {
      const carrierKwh = result.carriers.find((carrier) => carrier.carrier === measure.carrier)!.kwh;
      const kwh = Math.round(carrierKwh * measure.kwhShare);
      const effect = energySavingEffect({ carrier: measure.carrier, kwh }, result, coreSet);
      const findingId = id(5000 + k * 10 + m + 1);
      const actionId = m === 0 ? id(5500 + k) : null;
      const figures = {
        area: 'energy_transition' as const,
        title: measure.title,
        description: measure.description,
        investmentSek: measure.investmentSek,
        expectedKwh: kwh,
        expectedCo2eKg: effect.co2eKg,
        expectedSek: effect.sek,
      };
      if (actionId) {
        await db.insert(actions).values({
          id: actionId,
          companyId: company.companyId,
          ...figures,
          // As "Gör till åtgärd" does: the measure's carrier and the mapping's factor (decision 038).
          carrier: measure.carrier,
          emissionFactorKgPerKwh: mappingCarrierFactor(measure.carrier, result, coreSet),
          status: 'planned',
          dueOn: '2026-12-31',
          ownerUserId: company.coachId,
          createdBy: company.coachId,
          createdAt: now,
          updatedAt: now,
        });
      }
      await db.insert(analysisFindings).values({
        id: findingId,
        analysisId,
        position: m + 1,
        energyCategory: measure.energyCategory,
        carrier: measure.carrier,
        ...figures,
        actionId,
        createdBy: company.coachId,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
}
