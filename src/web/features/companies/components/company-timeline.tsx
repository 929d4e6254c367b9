import { Card, Text, Timeline, Title } from '@mantine/core';
import { IconBuildingFactory2, IconProgressCheck, IconShieldCheck, IconUser, IconUserEdit } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import { formatDate, formatIsoDate } from '../../../components/format';

type TimelineEvent = {
  key: string;
  at: string;
  /** Within one day: later kinds of event come first (a contact after the registration). */
  rank: number;
  shownDate: string;
  icon: ReactNode;
  title: string;
  text?: string;
};

/** Newest first: by day, then by kind within the day, then by time where there is one. */
function byNewest(a: TimelineEvent, b: TimelineEvent): number {
  return b.at.slice(0, 10).localeCompare(a.at.slice(0, 10)) || b.rank - a.rank || b.at.localeCompare(a.at);
}

/** A save within a minute of adding a contact is part of adding it, not a change of its own. */
function isLaterChange(createdAt: string, updatedAt: string): boolean {
  return Math.abs(Date.parse(updatedAt) - Date.parse(createdAt)) > 60_000;
}

/** What has happened with the company, newest first; later modules add their own events here. */
export function CompanyTimeline({ company }: { company: Company }) {
  const { t } = useTranslation();
  const events: TimelineEvent[] = [
    {
      key: 'registered',
      at: company.createdAt,
      rank: 0,
      shownDate: formatDate(company.createdAt),
      icon: <IconBuildingFactory2 size={14} aria-hidden />,
      title: t('companies.timeline.registered'),
    },
    ...company.statusHistory.map((change) => ({
      key: `status-${change.id}`,
      at: change.changedOn,
      rank: 1,
      shownDate: formatIsoDate(change.changedOn),
      icon: <IconProgressCheck size={14} aria-hidden />,
      title: t('companies.timeline.status', { status: t(`companies.status.${change.toStatus}`) }),
      text: change.reason ?? undefined,
    })),
    ...company.contacts
      .filter((contact) => !contact.isErased)
      .flatMap((contact) => [
        {
          key: `contact-added-${contact.id}`,
          at: contact.createdAt,
          rank: 2,
          shownDate: formatDate(contact.createdAt),
          icon: <IconUser size={14} aria-hidden />,
          title: t('companies.timeline.contactAdded', { name: contact.name }),
        },
        ...(isLaterChange(contact.createdAt, contact.updatedAt)
          ? [
              {
                key: `contact-changed-${contact.id}`,
                at: contact.updatedAt,
                rank: 2,
                shownDate: formatDate(contact.updatedAt),
                icon: <IconUserEdit size={14} aria-hidden />,
                title: t('companies.timeline.contactChanged', { name: contact.name }),
              },
            ]
          : []),
        ...contact.consents.map((consent) => ({
          key: `consent-${consent.id}`,
          at: consent.givenOn,
          rank: 3,
          shownDate: formatDate(consent.givenOn),
          icon: <IconShieldCheck size={14} aria-hidden />,
          title: t('companies.timeline.consent', { name: contact.name }),
          text: consent.purpose,
        })),
      ]),
  ].sort(byNewest);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-timeline">
      <Title order={2} id="company-timeline" mb="xs">
        {t('companies.timeline.title')}
      </Title>
      <Text size="sm" c="dark.4" mb="md">
        {t('companies.timeline.comingSoon')}
      </Text>
      <Timeline bulletSize={24} lineWidth={2} active={events.length}>
        {events.map((event) => (
          <Timeline.Item key={event.key} bullet={event.icon} title={event.title}>
            {event.text ? (
              <Text size="sm" c="dark.6">
                {event.text}
              </Text>
            ) : null}
            <Text size="xs" c="dark.4" mt={2}>
              {event.shownDate}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
