import { Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DueItem, Reminder } from '../../../../contracts/follow-up';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatIsoDate, formatNumber } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { useMyWeek, useReminders, useResolveReminder, useRunReminders } from '../api';

/** Where an item is dealt with: a due action on the company's action plan, the rest on the company page. */
function linkOf(item: Pick<DueItem, 'sourceKind' | 'companyId'>): string {
  return item.sourceKind === 'action' ? `/companies/${item.companyId}/action-plan` : `/companies/${item.companyId}`;
}

function DueList({ title, items, empty, tone }: { title: string; items: DueItem[]; empty: string; tone: string }) {
  const { t } = useTranslation();
  const headingId = `due-${tone}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} id={headingId}>
          {title}
        </Title>
        <Badge color={tone} variant="light" size="lg">
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? <Text c="dark.4">{empty}</Text> : null}
      <Stack gap="xs">
        {items.map((item) => (
          <Group key={`${item.sourceKind}-${item.sourceId}`} justify="space-between" wrap="nowrap">
            <div>
              <Anchor component={Link} to={linkOf(item)} fw={600}>
                {item.companyName}
              </Anchor>
              <Text size="sm" c="dark.5">
                {t(`followUp.myWeek.sources.${item.sourceKind}`)}
              </Text>
            </div>
            <Text size="sm" c={tone === 'red' ? 'red.8' : 'dark.6'} style={{ whiteSpace: 'nowrap' }}>
              {t('followUp.myWeek.due', { date: formatIsoDate(item.dueOn) })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

const stateColour: Record<Reminder['dueState'], string> = { overdue: 'red', due_this_week: 'yellow', later: 'gray' };
const stateLabel = { overdue: 'overdueBadge', due_this_week: 'dueBadge', later: 'laterBadge' } as const;

function RemindersCard() {
  const { t } = useTranslation();
  const { data, error } = useReminders();
  const resolve = useResolveReminder();
  const act = async (id: string, status: 'done' | 'dismissed') => {
    try {
      await resolve.mutateAsync({ id, status });
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-reminders">
      <Title order={2} id="my-reminders" mb="sm">
        {t('followUp.myWeek.reminders')}
      </Title>
      {error ? <ErrorAlert error={error} /> : null}
      {data ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('followUp.fields.company')}</Table.Th>
                <Table.Th>{t('followUp.fields.kind')}</Table.Th>
                <Table.Th>{t('followUp.fields.occurredOn')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.length === 0 ? <EmptyRow colSpan={4} text={t('followUp.myWeek.remindersEmpty')} /> : null}
              {data.items.map((reminder) => (
                <Table.Tr key={reminder.id}>
                  <Table.Td>
                    <Anchor component={Link} to={linkOf(reminder)}>
                      {reminder.companyName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {t(`followUp.myWeek.sources.${reminder.sourceKind}`)}
                    {reminder.isEmailed ? (
                      <Text size="xs" c="dark.4">
                        {t('followUp.myWeek.emailed')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {formatIsoDate(reminder.dueOn)}
                      <Badge color={stateColour[reminder.dueState]} variant="light">
                        {t(`followUp.myWeek.${stateLabel[reminder.dueState]}`)}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => void act(reminder.id, 'done')}>
                        {t('followUp.myWeek.done')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        onClick={() => void act(reminder.id, 'dismissed')}
                      >
                        {t('followUp.myWeek.dismiss')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}

/** A coach's week: what is overdue, what is due, what they logged, and their reminders. */
export function MyWeekPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { data, error, isPending } = useMyWeek();
  const run = useRunReminders();
  const runNow = async () => {
    try {
      const result = await run.mutateAsync();
      notifications.show({ color: 'teal', message: t('followUp.myWeek.ran', result) });
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  };
  return (
    <>
      <PageHeader
        title={t('followUp.myWeek.title')}
        description={t('followUp.myWeek.description')}
        meta={
          data ? (
            <Text size="sm" c="dark.5">
              {t('followUp.myWeek.week', { start: formatIsoDate(data.weekStart), end: formatIsoDate(data.weekEnd) })}
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
              {t('followUp.myWeek.runNow')}
            </Button>
          ) : null
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      {isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {data ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <DueList
              title={t('followUp.myWeek.overdue')}
              items={data.overdue}
              empty={t('followUp.myWeek.noneOverdue')}
              tone="red"
            />
            <DueList
              title={t('followUp.myWeek.dueThisWeek')}
              items={data.dueThisWeek}
              empty={t('followUp.myWeek.noneDue')}
              tone="yellow"
            />
          </SimpleGrid>
          <Card withBorder padding="lg" component="section" aria-labelledby="logged-this-week">
            <Group justify="space-between" mb="sm">
              <Title order={2} id="logged-this-week">
                {t('followUp.myWeek.logged')}
              </Title>
              <Text c="dark.5">{t('followUp.myWeek.hours', { hours: formatNumber(data.hoursThisWeek) })}</Text>
            </Group>
            {data.interventionsThisWeek.length === 0 ? <Text c="dark.4">{t('followUp.myWeek.noneLogged')}</Text> : null}
            <Stack gap="xs">
              {data.interventionsThisWeek.map((item) => (
                <Group key={item.id} justify="space-between">
                  <div>
                    <Anchor component={Link} to={`/companies/${item.companyId}`} fw={600}>
                      {item.companyName}
                    </Anchor>
                    <Text size="sm" c="dark.5">
                      {t(`followUp.kinds.${item.kind}`)} · {formatIsoDate(item.occurredOn)}
                    </Text>
                  </div>
                  <Text>{formatNumber(item.hours)} h</Text>
                </Group>
              ))}
            </Stack>
          </Card>
          <RemindersCard />
        </Stack>
      ) : null}
    </>
  );
}
