import type { TFunction } from 'i18next';
import { effectKinds } from '../../../../core/effects';
import type { EffectValues } from '../../../../contracts/action-plans';
import { formatEffect } from '../../../components/effect-summary';

/** An action's or a total's yearly effects as short texts with their units, the given kinds only;
 * a negative effect reads as an increase. */
export function effectParts(t: TFunction, effects: Partial<EffectValues>): string[] {
  return effectKinds.flatMap((kind) => {
    const value = effects[kind];
    return typeof value === 'number' ? [formatEffect(t, kind, value)] : [];
  });
}
