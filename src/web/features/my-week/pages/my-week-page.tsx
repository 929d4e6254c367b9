import { Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DueItem, Reminder } from '../../../../contracts/reminders';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatIsoDate, formatNumber, formatSek, hoursText } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { useMyWeek, useReminders, useResolveReminder, useRunReminders } from '../api';

/** Where an item is dealt with: a due action on the company's action plan, the rest on the company page. */
function linkOf(item: Pick<DueItem, 'sourceKind' | 'companyId'>): string {
  return item.sourceKind === 'action' ? `/companies/${item.companyId}/action-plan` : `/companies/${item.companyId}`;
}

type ReminderActions = {
  /** The open reminder of each due item, by `${sourceKind}:${sourceId}`. */
  reminderOf: Map<string, Reminder>;
  onResolve: (id: string, status: 'done' | 'dismissed') => void;
};

/**
 * A list of due items. An item with an open reminder carries the reminder's state and its buttons
 * in the same row, so nothing is listed twice on the page (issue 16).
 */
function DueList({
  id,
  title,
  items,
  empty,
  tone,
  reminders,
}: {
  id: string;
  title: string;
  items: DueItem[];
  empty: string;
  tone: string;
  reminders: ReminderActions;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} id={id}>
          {title}
        </Title>
        <Badge color={tone} variant="light" size="lg">
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? <Text c="dark.4">{empty}</Text> : null}
      <Stack gap="sm">
        {items.map((item) => {
          const reminder = reminders.reminderOf.get(`${item.sourceKind}:${item.sourceId}`);
          const source = t(`myWeek.sources.${item.sourceKind}`);
          return (
            <Group key={`${item.sourceKind}-${item.sourceId}`} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Anchor component={Link} to={linkOf(item)} fw={600}>
                  {item.companyName}
                </Anchor>
                <Text size="sm" c="dark.5">
                  {source}
                  {reminder?.isEmailed ? ` · ${t('myWeek.emailed')}` : ''}
                </Text>
              </div>
              <Stack gap={4} align="flex-end">
                <Text size="sm" c={tone === 'red' ? 'red.8' : 'dark.6'} style={{ whiteSpace: 'nowrap' }}>
                  {t('myWeek.due', { date: formatIsoDate(item.dueOn) })}
                </Text>
                {reminder ? (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      aria-label={t('myWeek.doneFor', { company: item.companyName, source })}
                      onClick={() => reminders.onResolve(reminder.id, 'done')}
                    >
                      {t('myWeek.done')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      aria-label={t('myWeek.dismissFor', { company: item.companyName, source })}
                      onClick={() => reminders.onResolve(reminder.id, 'dismissed')}
                    >
                      {t('myWeek.dismiss')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

/** The open reminders by the item they are about, and how to close one. */
function useReminderActions(): ReminderActions {
  const { t } = useTranslation();
  const { data } = useReminders();
  const resolve = useResolveReminder();
  const reminderOf = new Map((data?.items ?? []).map((r) => [`${r.sourceKind}:${r.sourceId}`, r]));
  const onResolve = (id: string, status: 'done' | 'dismissed') => {
    resolve.mutateAsync({ id, status }).catch((failure: unknown) => {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    });
  };
  return { reminderOf, onResolve };
}

/** A coach's week: what is overdue, what is due, what they logged, and their reminders. */
export function MyWeekPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { data, error, isPending } = useMyWeek();
  const reminders = useReminderActions();
  const run = useRunReminders();
  const runNow = async () => {
    try {
      const result = await run.mutateAsync();
      notifications.show({ color: 'teal', message: t('myWeek.ran', result) });
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  };
  return (
    <>
      <PageHeader
        title={t('myWeek.title')}
        description={t('myWeek.description')}
        meta={
          data ? (
            <Text size="sm" c="dark.5">
              {t('myWeek.week', { start: formatIsoDate(data.weekStart), end: formatIsoDate(data.weekEnd) })}
            </Text>
          ) : null
        }
        actions={
          user.abilities.runReminders ? (
            <Button
              variant="light"
              leftSection={<IconSend size={16} aria-hidden />}
              loading={run.isPending}
              onClick={() => void runNow()}
            >
              {t('myWeek.runNow')}
            </Button>
          ) : null
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      {isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {data ? (
        <Stack gap="lg">
          {data.grantsExceeded.length > 0 ? (
            <Card withBorder padding="lg" component="section" aria-labelledby="grants-exceeded">
              <Title order={2} id="grants-exceeded" mb="xs">
                {t('myWeek.grantsExceeded.title')}
              </Title>
              <Text size="sm" c="dark.6" mb="sm">
                {t('myWeek.grantsExceeded.description')}
              </Text>
              <Stack gap="xs">
                {data.grantsExceeded.map((item) => (
                  <Group key={item.companyId} justify="space-between">
                    <Anchor component={Link} to={`/companies/${item.companyId}/state-aid`} fw={600}>
                      {item.companyName}
                    </Anchor>
                    <Text size="sm" c="red.8">
                      {t('myWeek.grantsExceeded.figures', {
                        realised: formatSek(Math.round(item.realisedValueOre / 100)),
                        granted: formatSek(Math.round(item.grantedValueOre / 100)),
                      })}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          ) : null}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <DueList
              id="due-overdue"
              title={t('myWeek.overdue')}
              items={data.overdue}
              empty={t('myWeek.noneOverdue')}
              tone="red"
              reminders={reminders}
            />
            <DueList
              id="due-this-week"
              title={t('myWeek.dueThisWeek')}
              items={data.dueThisWeek}
              empty={t('myWeek.noneDue')}
              tone="yellow"
              reminders={reminders}
            />
          </SimpleGrid>
          <DueList
            id="due-coming"
            title={t('myWeek.coming', { date: formatIsoDate(data.comingUntil) })}
            items={data.coming}
            empty={t('myWeek.noneComing')}
            tone="gray"
            reminders={reminders}
          />
          <Card withBorder padding="lg" component="section" aria-labelledby="logged-this-week">
            <Group justify="space-between" mb="sm">
              <Title order={2} id="logged-this-week">
                {t('myWeek.logged')}
              </Title>
              <Text c="dark.5">{t('myWeek.hours', { hoursText: hoursText(t, data.hoursThisWeek) })}</Text>
            </Group>
            {data.interventionsThisWeek.length === 0 ? <Text c="dark.4">{t('myWeek.noneLogged')}</Text> : null}
            <Stack gap="xs">
              {data.interventionsThisWeek.map((item) => (
                <Group key={item.id} justify="space-between">
                  <div>
                    <Anchor component={Link} to={`/companies/${item.companyId}`} fw={600}>
                      {item.companyName}
                    </Anchor>
                    <Text size="sm" c="dark.5">
                      {t(`interventions.kinds.${item.kind}`)} · {formatIsoDate(item.occurredOn)}
                    </Text>
                  </div>
                  <Text>{formatNumber(item.hours)} h</Text>
                </Group>
              ))}
            </Stack>
          </Card>
        </Stack>
      ) : null}
    </>
  );
}
