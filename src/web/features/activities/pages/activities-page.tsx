import { Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { activityTypes } from '../../../../core/activities';
import { areas } from '../../../../core/areas';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { ListPagination } from '../../../components/list-pagination';
import { useSearchParamsState } from '../../../components/search-params-state';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { useOrganisations } from '../../../components/people-and-organisations';
import { useActivities } from '../api';
import { ActivityFormModal } from '../components/activity-form-modal';
import { ActivityTypeBadge } from '../components/activity-type-badge';
import { PlacesText } from '../components/places-text';
import {
  defaultActivityListState,
  parseActivityListParams,
  toActivityListParams,
  toActivityListQuery,
  type ActivityListState,
} from '../list-params';

const pageSize = 25;
const selectWidth = { base: '100%', xs: 190 } as const;

/** Upcoming and past activities of the programme, filterable; staff create new ones here. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const [state, changeState] = useSearchParamsState(parseActivityListParams, toActivityListParams);
  const [search, setSearch] = useState(state.q);
  const [isCreating, setCreating] = useState(false);
  const organisations = useOrganisations();
  const activities = useActivities(toActivityListQuery(state, pageSize));
  const items = activities.data?.items ?? [];

  function navigateTo(change: (current: ActivityListState) => ActivityListState, replace = false) {
    changeState(change, { replace });
  }
  const set = <K extends keyof ActivityListState>(key: K, value: ActivityListState[K]) =>
    navigateTo((current) => ({ ...current, [key]: value, page: 1 }));
  const writeSearch = useDebouncedCallback(
    (value: string) => navigateTo((current) => ({ ...current, q: value, page: 1 }), true),
    300,
  );
  const hasFilters = toActivityListParams({ ...state, when: 'upcoming', page: 1 }).size > 0;
  const columnCount = 5;

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        description={me.abilities.createActivities ? t('activities.description') : t('activities.descriptionCompany')}
        actions={
          me.abilities.createActivities ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('activities.create.open')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <SegmentedControl
            aria-label={t('activities.when.label')}
            value={state.when}
            onChange={(value) => set('when', value === 'past' ? 'past' : 'upcoming')}
            data={[
              { value: 'upcoming', label: t('activities.when.upcoming') },
              { value: 'past', label: t('activities.when.past') },
            ]}
            w={{ base: '100%', xs: 'auto' }}
            style={{ alignSelf: 'flex-start' }}
          />
          <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('activities.filters.label')}>
            <TextInput
              label={t('activities.filters.search')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={search}
              onChange={(event) => {
                setSearch(event.currentTarget.value);
                writeSearch(event.currentTarget.value);
              }}
              w={{ base: '100%', sm: 240 }}
            />
            <Select
              label={t('activities.filters.type')}
              placeholder={t('activities.filters.all')}
              clearable
              data={activityTypes.map((value) => ({ value, label: t(`activities.type.${value}`) }))}
              value={state.type}
              onChange={(value) => set('type', value as ActivityListState['type'])}
              w={selectWidth}
            />
            <Select
              label={t('activities.filters.area')}
              placeholder={t('activities.filters.all')}
              clearable
              data={areas.map((value) => ({ value, label: t(`areas.${value}`) }))}
              value={state.area}
              onChange={(value) => set('area', value as ActivityListState['area'])}
              w={selectWidth}
            />
            <Select
              label={t('activities.filters.organiser')}
              placeholder={t('activities.filters.all')}
              clearable
              data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              value={state.organisationId}
              onChange={(value) => set('organisationId', value)}
              w={{ base: '100%', xs: 220 }}
            />
            <TextInput
              type="date"
              label={t('activities.filters.from')}
              value={state.from ?? ''}
              onChange={(event) => set('from', event.currentTarget.value || null)}
              w={{ base: '100%', xs: 160 }}
            />
            <TextInput
              type="date"
              label={t('activities.filters.to')}
              value={state.to ?? ''}
              onChange={(event) => set('to', event.currentTarget.value || null)}
              w={{ base: '100%', xs: 160 }}
            />
            {hasFilters ? (
              <Button
                variant="subtle"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={() => {
                  setSearch('');
                  navigateTo((current) => ({ ...defaultActivityListState, when: current.when }));
                }}
              >
                {t('activities.filters.clear')}
              </Button>
            ) : null}
          </Group>
          {activities.error ? <ErrorAlert error={activities.error} /> : null}
          <div>
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-busy={activities.isFetching}>
                <Table.Caption className="visually-hidden">
                  {t(state.when === 'past' ? 'activities.when.past' : 'activities.when.upcoming')}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('activities.columns.startsAt')}</Table.Th>
                    <Table.Th scope="col">{t('activities.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('activities.columns.organisers')}</Table.Th>
                    <Table.Th scope="col">{t('activities.columns.place')}</Table.Th>
                    <Table.Th scope="col">{t('activities.columns.places')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((activity) => (
                    <Table.Tr key={activity.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {formatDateTime(activity.startsAt)}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <Anchor component={Link} to={`/activities/${activity.id}`} fw={600}>
                            {activity.title}
                          </Anchor>
                          <ActivityTypeBadge type={activity.type} />
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{activity.organisers.map((o) => o.shortName).join(', ')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{activity.place ?? (activity.onlineUrl ? t('activities.online') : '–')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <PlacesText {...activity} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {activities.data && items.length === 0 ? (
                    <EmptyRow
                      colSpan={columnCount}
                      text={hasFilters ? t('activities.noMatches') : t(`activities.empty.${state.when}`)}
                    />
                  ) : null}
                  {activities.isPending ? <EmptyRow colSpan={columnCount} text={t('common.loading')} /> : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {activities.data ? (
              <ListPagination
                page={state.page}
                pageSize={pageSize}
                total={activities.data.total}
                onChange={(page) => navigateTo((current) => ({ ...current, page }))}
              />
            ) : null}
          </div>
        </Stack>
      </Paper>
      {isCreating ? (
        <ActivityFormModal
          onClose={() => setCreating(false)}
          onSaved={(activity) => void navigate(`/activities/${activity.id}`)}
        />
      ) : null}
    </>
  );
}
