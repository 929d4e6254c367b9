import { CloseButton, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../../components/format';
import { useOrganisations } from '../../../components/people-and-organisations';
import type { CompanyListState, RecordFilterKey } from '../list-params';

type Chip = { id: string; keys: RecordFilterKey[]; text: string };

/**
 * The filters a figure of the overview opened the list with (decision 034), each as a chip that can
 * be taken away: the period, and which companies the figure counted. The status and maturity are
 * then as at the period's end.
 */
export function RecordFilterChips({
  state,
  onRemove,
}: {
  state: CompanyListState;
  onRemove: (keys: RecordFilterKey[]) => void;
}) {
  const { t } = useTranslation();
  const needsOrganisations = Boolean(state.coachingOrganisationId);
  const organisations = useOrganisations(needsOrganisations);
  const chips: Chip[] = [];
  if (state.from || state.to) {
    chips.push({
      id: 'period',
      keys: ['from', 'to'],
      text:
        state.from && state.to
          ? t('companies.recordFilters.period', { from: formatIsoDate(state.from), to: formatIsoDate(state.to) })
          : state.to
            ? t('companies.recordFilters.periodTo', { to: formatIsoDate(state.to) })
            : t('companies.recordFilters.periodFrom', { from: formatIsoDate(state.from!) }),
    });
  }
  if (state.takenUp) chips.push({ id: 'takenUp', keys: ['takenUp'], text: t('companies.recordFilters.takenUp') });
  if (state.coFinancer)
    chips.push({
      id: 'coFinancer',
      keys: ['coFinancer'],
      text: t('companies.recordFilters.coFinancer', {
        name: t(`companies.recordFilters.coFinancers.${state.coFinancer}`, { defaultValue: state.coFinancer }),
      }),
    });
  if (state.missing)
    chips.push({ id: 'missing', keys: ['missing'], text: t(`companies.recordFilters.missing.${state.missing}`) });
  if (state.maturity || state.maturityArea)
    chips.push({
      id: 'maturity',
      keys: ['maturity', 'maturityArea'],
      text: state.maturityArea
        ? t('companies.recordFilters.maturityIn', {
            area: t(`areas.${state.maturityArea}`),
            what: t(`companies.recordFilters.maturity.${state.maturity ?? 'baseline'}`),
          })
        : t(`companies.recordFilters.maturity.${state.maturity ?? 'baseline'}`),
    });
  if (state.actions)
    chips.push({ id: 'actions', keys: ['actions'], text: t(`companies.recordFilters.actions.${state.actions}`) });
  if (state.coaching || state.coachingArea || state.coachingOrganisationId) {
    const parts = [
      state.coaching && state.coaching !== 'any' ? t(`interventions.kinds.${state.coaching}`) : null,
      state.coachingArea
        ? state.coachingArea === 'general'
          ? t('interventions.generalArea')
          : t(`areas.${state.coachingArea}`)
        : null,
      state.coachingOrganisationId
        ? (organisations.data?.items.find((o) => o.id === state.coachingOrganisationId)?.name ?? null)
        : null,
    ].filter((part): part is string => part !== null);
    chips.push({
      id: 'coaching',
      keys: ['coaching', 'coachingArea', 'coachingOrganisationId'],
      text:
        parts.length > 0
          ? t('companies.recordFilters.coachingOf', { what: parts.join(', ') })
          : t('companies.recordFilters.coaching'),
    });
  }
  if (state.attended) chips.push({ id: 'attended', keys: ['attended'], text: t('companies.recordFilters.attended') });
  if (chips.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" aria-label={t('companies.recordFilters.label')} role="group">
      <Text size="sm" c="dark.6">
        {t('companies.recordFilters.label')}:
      </Text>
      {chips.map((chip) => (
        <Paper key={chip.id} withBorder radius="xl" px="sm" py={2} bg="brand.0">
          <Group gap={4} wrap="nowrap">
            <Text size="sm" c="brand.9">
              {chip.text}
            </Text>
            <CloseButton
              size="sm"
              aria-label={t('companies.recordFilters.remove', { filter: chip.text })}
              onClick={() => onRemove(chip.keys)}
            />
          </Group>
        </Paper>
      ))}
    </Group>
  );
}
