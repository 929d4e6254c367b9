import type { EffectValues } from '../../../../contracts/action-plans';
import { formatCo2eKg, formatEnergy, formatSek, formatTonnes } from '../../../components/format';

/** An action's or a total's yearly effects as short texts with their units, the given kinds only. */
export function effectParts(effects: Partial<EffectValues>): string[] {
  const parts: string[] = [];
  if (typeof effects.kwh === 'number') parts.push(formatEnergy(effects.kwh));
  if (typeof effects.co2eKg === 'number') parts.push(formatCo2eKg(effects.co2eKg));
  if (typeof effects.sek === 'number') parts.push(formatSek(effects.sek));
  if (typeof effects.materialTonnes === 'number') parts.push(formatTonnes(effects.materialTonnes));
  return parts;
}
