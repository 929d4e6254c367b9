import { Button, Checkbox, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../contracts/activities';
import { ErrorAlert } from '../../../components/error-alert';
import { useCompanyContacts, useCompanyOptions, useRegisterContacts } from '../api';

type RegisterPanelProps = { activity: Activity; ownCompanyId: string | null };

/** Registers people: staff pick a company they work on, a company user registers their own people. */
export function RegisterPanel({ activity, ownCompanyId }: RegisterPanelProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosenCompanyId, setChosenCompanyId] = useState<string | null>(null);
  const companyId = ownCompanyId ?? chosenCompanyId;
  const companies = useCompanyOptions(debounced, ownCompanyId === null);
  const company = useCompanyContacts(companyId);
  const register = useRegisterContacts();
  const [chosen, setChosen] = useState<string[]>([]);
  const live = new Set(activity.registrations.filter((r) => r.status !== 'cancelled').map((r) => r.contactId));
  const people = (company.data?.contacts ?? []).filter((c) => !c.isErased);
  const isFull = activity.capacity !== null && activity.registeredCount >= activity.capacity;

  async function submit() {
    try {
      const after = await register.mutateAsync({ id: activity.id, contactIds: chosen });
      const waiting = after.registrations.filter((r) => chosen.includes(r.contactId) && r.status === 'waitlisted');
      notifications.show({
        color: 'teal',
        message: t('activities.register.done', { count: chosen.length, waiting: waiting.length }),
      });
      if (after.stateAidWarnings?.length) {
        // Registered all the same; the coach is told the companies have no state aid grant (issue 13).
        notifications.show({
          color: 'yellow',
          autoClose: 12_000,
          message: t('activities.register.withoutGrant', {
            companies: after.stateAidWarnings.map((w) => w.companyName).join(', '),
          }),
        });
      }
      setChosen([]);
    } catch {
      // Shown by the alert below.
    }
  }

  // Every company of the page the search found is shown, and the count says when there are more.
  const companyOptions = (companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const matching = companies.data?.total ?? 0;
  if (chosenCompanyId && company.data && !companyOptions.some((o) => o.value === chosenCompanyId)) {
    companyOptions.unshift({ value: chosenCompanyId, label: company.data.name });
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="register-title">
      <Stack gap="md">
        <Title order={2} id="register-title" fz="h3">
          {t('activities.register.title')}
        </Title>
        {isFull ? (
          <Text size="sm" c="dark.6">
            {t('activities.register.full')}
          </Text>
        ) : null}
        {ownCompanyId === null ? (
          <Stack gap="xs">
            <TextInput
              label={t('activities.register.company')}
              placeholder={t('activities.register.companyPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              maw={420}
            />
            {companyOptions.length === 0 && companies.data ? (
              <Text size="sm">{t('activities.register.noCompanies')}</Text>
            ) : (
              <Radio.Group
                label={t('activities.register.chooseCompany')}
                value={chosenCompanyId}
                onChange={(value) => {
                  setChosenCompanyId(value);
                  setChosen([]);
                }}
              >
                <Group gap="sm" mt="xs">
                  {companyOptions.map((option) => (
                    <Radio key={option.value} value={option.value} label={option.label} />
                  ))}
                </Group>
              </Radio.Group>
            )}
            {companies.data && companyOptions.length > 0 ? (
              <Text size="sm" c="dark.6" aria-live="polite">
                {matching > companies.data.items.length
                  ? t('activities.register.showingSome', {
                      shown: companies.data.items.length,
                      total: matching,
                      more: companies.data.isTotalCapped ? '+' : '',
                    })
                  : t('activities.register.showingAll', { count: matching })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {company.error ? <ErrorAlert error={company.error} /> : null}
        {companyId && company.data ? (
          people.length === 0 ? (
            <Text size="sm">{t('activities.register.noPeople')}</Text>
          ) : (
            <Checkbox.Group
              label={t('activities.register.people', { company: company.data.name })}
              value={chosen}
              onChange={setChosen}
            >
              <Stack gap="xs" mt="xs">
                {people.map((person) => (
                  <Checkbox
                    key={person.id}
                    value={person.id}
                    disabled={live.has(person.id)}
                    label={
                      live.has(person.id)
                        ? t('activities.register.alreadyRegistered', { name: person.name })
                        : person.email
                          ? person.name
                          : t('activities.register.noEmail', { name: person.name })
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )
        ) : null}
        {register.error ? <ErrorAlert error={register.error} /> : null}
        <div>
          <Button onClick={() => void submit()} disabled={chosen.length === 0} loading={register.isPending}>
            {chosen.length === 0
              ? t('activities.register.submitEmpty')
              : t('activities.register.submit', { count: chosen.length })}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
