import { Anchor, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MaturityResults } from '../../../../contracts/maturity';
import type { Portal } from '../../../../contracts/portal';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, formatIsoDate, todayIsoDate } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { ToneBadge } from '../../../components/tone-badge';
import { downloadCompanyData, useMaturityResults, usePortal } from '../api';

/**
 * The company portal's first page (issue 15, decision 043): the company's own page for the people
 * who work there: where it stands on the foundation and the four ladders and what changed since
 * the baseline, what is due, its industry developer, its people, its data and its declarations.
 */
export function PortalPage({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const portal = usePortal(companyId);
  const results = useMaturityResults(companyId);
  const companyName = portal.data?.companyName ?? me.companyName ?? '';
  return (
    <>
      <PageHeader
        title={t('portal.greeting', { name: me.name })}
        documentTitle={t('portal.title')}
        description={t('portal.intro', { company: companyName })}
      />
      {portal.error ? <ErrorAlert error={portal.error} /> : null}
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <StepsCard companyId={companyId} results={results.data} error={results.error} />
          <DueCard companyId={companyId} portal={portal.data} nextDueOn={results.data?.nextDueOn ?? null} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <CoachCard portal={portal.data} />
          <PeopleCard companyId={companyId} portal={portal.data} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {portal.data?.abilities.canExport ? <DataCard companyId={companyId} /> : null}
          {portal.data?.abilities.canDeclareStateAid ? <StateAidCard companyId={companyId} /> : null}
        </SimpleGrid>
      </Stack>
    </>
  );
}

function PortalCard({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} mb="sm" fz="h3">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The foundation and the four ladders: the latest step, and the change since the baseline. */
function StepsCard({
  companyId,
  results,
  error,
}: {
  companyId: string;
  results: MaturityResults | undefined;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <PortalCard id="portal-steps" title={t('portal.steps.title')}>
      {error ? <ErrorAlert error={error} /> : null}
      {results ? (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {results.areas.map((area) => {
            const baseline = area.baseline?.step ?? null;
            const latest = area.latest?.step ?? null;
            const hasFollowUp = area.followUps.length > 0;
            const change = hasFollowUp && baseline !== null && latest !== null ? latest - baseline : null;
            return (
              <li key={area.area}>
                <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                  <Stack gap={0}>
                    <Text fw={600}>{t(`areas.${area.area}`)}</Text>
                    <Text size="sm" c="gray.7">
                      {latest === null
                        ? t('maturity.ladder.notMeasured')
                        : change === null
                          ? t('portal.steps.baselineOnly', { date: formatDateTime(area.baseline!.submittedAt) })
                          : change === 0
                            ? t('portal.steps.unchanged')
                            : t('portal.steps.changed', {
                                count: Math.abs(change),
                                change: change > 0 ? `+${change}` : `−${Math.abs(change)}`,
                              })}
                    </Text>
                  </Stack>
                  {latest !== null ? (
                    <ToneBadge tone={change !== null && change > 0 ? 'success' : 'info'}>
                      {t('portal.steps.step', { step: latest, of: area.stepNames.length || 5 })}
                    </ToneBadge>
                  ) : null}
                </Group>
              </li>
            );
          })}
        </Stack>
      ) : error ? null : (
        <Skeleton h={220} aria-hidden />
      )}
      <Anchor component={Link} to={`/companies/${companyId}/maturity`} mt="md" display="inline-block">
        {t('portal.steps.open')}
      </Anchor>
    </PortalCard>
  );
}

/** What is due: the next follow-up measurement, actions, and the activities the company's people attend. */
function DueCard({ companyId, portal, nextDueOn }: { companyId: string; portal?: Portal; nextDueOn: string | null }) {
  const { t } = useTranslation();
  const today = todayIsoDate();
  return (
    <PortalCard id="portal-due" title={t('portal.due.title')}>
      <Stack gap="md">
        <div>
          <Title order={3} fz="md" mb={4}>
            {t('portal.due.measurement')}
          </Title>
          <Text size="sm">
            {nextDueOn
              ? t('portal.due.measurementOn', { date: formatIsoDate(nextDueOn) })
              : t('portal.due.measurementNone')}
          </Text>
        </div>
        <div>
          <Title order={3} fz="md" mb={4}>
            {t('portal.due.actions')}
          </Title>
          {portal ? (
            portal.actionsDue.length > 0 ? (
              <List spacing={4} size="sm">
                {portal.actionsDue.map((action) => (
                  <List.Item key={action.id}>
                    {action.title} – {t('portal.due.actionDue', { date: formatIsoDate(action.dueOn) })}{' '}
                    {action.dueOn < today ? <ToneBadge tone="warning">{t('portal.due.overdue')}</ToneBadge> : null}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{t('portal.due.actionsNone')}</Text>
            )
          ) : (
            <Skeleton h={40} aria-hidden />
          )}
          <Anchor component={Link} to={`/companies/${companyId}/action-plan`} size="sm">
            {t('portal.due.actionPlan')}
          </Anchor>
        </div>
        <div>
          <Title order={3} fz="md" mb={4}>
            {t('portal.due.activities')}
          </Title>
          {portal ? (
            portal.registrations.length > 0 ? (
              <List spacing={4} size="sm">
                {portal.registrations.map((registration) => (
                  <List.Item key={registration.id}>
                    {/* Underlined: in a line of text, colour alone would not tell the link (WCAG 1.4.1). */}
                    <Anchor component={Link} to={`/activities/${registration.activityId}`} inherit underline="always">
                      {registration.activityTitle}
                    </Anchor>
                    {', '}
                    {formatDateTime(registration.startsAt)} – {registration.contactName}{' '}
                    {registration.status === 'waitlisted' ? (
                      <ToneBadge tone="warning">{t('portal.due.waitlisted')}</ToneBadge>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{t('portal.due.activitiesNone')}</Text>
            )
          ) : (
            <Skeleton h={40} aria-hidden />
          )}
          <Anchor component={Link} to="/activities" size="sm">
            {t('portal.due.allActivities')}
          </Anchor>
        </div>
      </Stack>
    </PortalCard>
  );
}

/** The company's industry developer and how to reach them. */
function CoachCard({ portal }: { portal?: Portal }) {
  const { t } = useTranslation();
  return (
    <PortalCard id="portal-coach" title={t('portal.coach.title')}>
      {portal ? (
        portal.coach ? (
          <Stack gap={4}>
            <Text fw={600}>{portal.coach.name}</Text>
            <Text size="sm" c="gray.7">
              {portal.organisationName}
            </Text>
            <Anchor
              href={`mailto:${portal.coach.email}`}
              display="inline-flex"
              // A long address breaks rather than running out of the card on a phone.
              style={{ alignItems: 'center', gap: 6, overflowWrap: 'anywhere' }}
            >
              <IconMail size={16} aria-hidden />
              {portal.coach.email}
            </Anchor>
          </Stack>
        ) : (
          <Text size="sm">{t('portal.coach.none', { organisation: portal.organisationName })}</Text>
        )
      ) : (
        <Skeleton h={60} aria-hidden />
      )}
    </PortalCard>
  );
}

/** The company's people: its contact persons (signed up for activities) and its portal logins. */
function PeopleCard({ companyId, portal }: { companyId: string; portal?: Portal }) {
  const { t } = useTranslation();
  return (
    <PortalCard id="portal-people" title={t('portal.people.title')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('portal.people.intro')}</Text>
        {portal ? (
          <Text size="sm">
            {t(portal.abilities.canInviteColleagues ? 'portal.people.mayInvite' : 'portal.people.coachInvites')}
          </Text>
        ) : null}
        <Button component={Link} to={`/companies/${companyId}`} variant="light">
          {t('portal.people.open')}
        </Button>
      </Stack>
    </PortalCard>
  );
}

/** The company's data to take away, as .xlsx or JSON. */
function DataCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<'xlsx' | 'json' | null>(null);
  async function download(format: 'xlsx' | 'json') {
    setError(null);
    setPending(format);
    try {
      await downloadCompanyData(companyId, format);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  }
  return (
    <PortalCard id="portal-data" title={t('portal.data.title')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('portal.data.intro')}</Text>
        {error ? <ErrorAlert error={error} /> : null}
        <Group gap="sm">
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={pending === 'xlsx'}
            onClick={() => void download('xlsx')}
          >
            {t('portal.data.xlsx')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={pending === 'json'}
            onClick={() => void download('json')}
          >
            {t('portal.data.json')}
          </Button>
        </Group>
      </Stack>
    </PortalCard>
  );
}

/** The de minimis declaration (decision 032): the company's own user answers it. */
function StateAidCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <PortalCard id="portal-state-aid" title={t('portal.stateAid.title')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('portal.stateAid.intro')}</Text>
        <Button component={Link} to={`/companies/${companyId}/state-aid`} variant="light">
          {t('portal.stateAid.open')}
        </Button>
      </Stack>
    </PortalCard>
  );
}
