import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayIsoDate } from '../../../components/format';
import { useAbility } from '../../../components/session';
import { useOrganisations } from '../../../components/people-and-organisations';

/** A period and, for those who report on any organisation, an organisation: the query in the URL. */
export type PeriodQuery = { from: string; to: string; organisationId?: string };

/** The query in the URL, so that a view can be linked and reloaded; null until a period is chosen. */
export function usePeriodQuery(): PeriodQuery | null {
  const [params] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  if (!from || !to) return null;
  const organisationId = params.get('organisationId');
  return { from, to, ...(organisationId && { organisationId }) };
}

/** The filters of a report page: from, to and (admins) the organisation; submitting puts them in the URL. */
export function PeriodFilters({ submitLabel }: { submitLabel: string }) {
  const [, setParams] = useSearchParams();
  const query = usePeriodQuery();
  const today = todayIsoDate();
  const [draft, setDraft] = useState({
    from: query?.from ?? `${today.slice(0, 4)}-01-01`,
    to: query?.to ?? today,
    organisationId: query?.organisationId ?? '',
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const next = new URLSearchParams();
        for (const [key, value] of Object.entries(draft)) if (value) next.set(key, value);
        setParams(next);
      }}
    >
      <Group mb="lg" align="flex-end">
        <PeriodFields draft={draft} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} />
        <Button type="submit" disabled={!draft.from || !draft.to || draft.from > draft.to}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}

/** The period being chosen: dates as the date fields give them, '' for all organisations. */
export type PeriodDraft = { from: string; to: string; organisationId: string };

/** The fields every report's filters start with: from, to and, for those who report on any
 * organisation, the organisation. A report adds its own fields beside them. */
export function PeriodFields({
  draft,
  onChange,
}: {
  draft: PeriodDraft;
  onChange: (change: Partial<PeriodDraft>) => void;
}) {
  const { t } = useTranslation();
  const canChooseOrganisation = useAbility('viewProgrammeFunderReports');
  const organisations = useOrganisations(canChooseOrganisation);
  return (
    <>
      <TextInput
        type="date"
        label={t('funderReports.filters.from')}
        value={draft.from}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('funderReports.filters.to')}
        value={draft.to}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
      />
      {canChooseOrganisation ? (
        <Select
          label={t('funderReports.filters.organisation')}
          data={[
            { value: '', label: t('funderReports.filters.allOrganisations') },
            ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={draft.organisationId}
          onChange={(value) => onChange({ organisationId: value ?? '' })}
          allowDeselect={false}
        />
      ) : null}
    </>
  );
}
