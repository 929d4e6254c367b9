import { Card, Chip, Group, Loader, Text, Timeline, Title } from '@mantine/core';
import {
  IconBuildingFactory2,
  IconCalendarEvent,
  IconChartDonut,
  IconCircleCheck,
  IconClipboardCheck,
  IconListCheck,
  IconProgressCheck,
  IconStairsUp,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { AnalysisKind } from '../../../../core/analyses';
import type { CompanyStatus } from '../../../../core/company-status';
import type { MaturityArea } from '../../../../core/maturity-areas';
import type { InterventionArea, InterventionKind } from '../../../../core/interventions';
import { useTranslation } from 'react-i18next';
import { timelineKinds, type TimelineEvent, type TimelineKind } from '../../../../contracts/timeline';
import { formatEffect } from '../../../components/effect-summary';
import { ErrorAlert } from '../../../components/error-alert';
import { formatCo2eKg, formatEnergy, formatIsoDate, formatNumber } from '../../../components/format';
import { useTimeline } from '../timeline-api';

const icons: Record<TimelineKind, Icon> = {
  registered: IconBuildingFactory2,
  status_change: IconProgressCheck,
  contact_added: IconUser,
  assessment: IconStairsUp,
  activity_attended: IconCalendarEvent,
  analysis: IconChartDonut,
  action_created: IconListCheck,
  action_done: IconCircleCheck,
  intervention: IconClipboardCheck,
};

function useEventTitle() {
  const { t } = useTranslation();
  return (event: TimelineEvent): string => {
    const data = event.data;
    switch (event.kind) {
      case 'registered':
        return t('timeline.event.registered');
      case 'status_change':
        return t('timeline.event.status_change', {
          status: t(`companies.status.${data.toStatus as CompanyStatus}`),
        });
      case 'contact_added':
        return t('timeline.event.contact_added', { name: data.name });
      case 'assessment':
        return t('timeline.event.assessment', {
          kind:
            data.mode === 'self'
              ? t('timeline.event.selfAssessment')
              : t(`timeline.event.${data.assessmentKind === 'follow_up' ? 'follow_up' : 'baseline'}`),
          area: t(`areas.${data.area as MaturityArea}`),
          step: data.step ?? '–',
        });
      case 'activity_attended':
        return t('timeline.event.activity_attended', {
          title: data.title,
          people: formatNumber(Number(data.attendedCount)),
        });
      case 'analysis':
        return t('timeline.event.analysis', {
          kind: t(`analyses.kinds.${data.analysisKind as AnalysisKind}`),
          title: data.title,
        });
      case 'action_created':
        return t('timeline.event.action_created', { title: data.title });
      case 'action_done':
        return t('timeline.event.action_done', { title: data.title });
      case 'intervention':
        return t('timeline.event.intervention', {
          kind: t(`interventions.kinds.${data.interventionKind as InterventionKind}`),
          hours: formatNumber(Number(data.hours)),
        });
    }
  };
}

const numberOf = (value: string | number | null | undefined): number | null =>
  typeof value === 'number' ? value : null;

/** A done action's realised yearly effect, in the figures the company reported. */
function realisedText(data: TimelineEvent['data'], t: TFunction): string {
  const kwh = numberOf(data.realisedKwh);
  const co2eKg = numberOf(data.realisedCo2eKg);
  const sek = numberOf(data.realisedSek);
  const tonnes = numberOf(data.realisedMaterialTonnes);
  const effects = [
    // A negative effect is an increase, said as one (decision 038).
    kwh === null ? null : formatEffect(t, 'kwh', kwh),
    co2eKg === null ? null : formatEffect(t, 'co2eKg', co2eKg),
    sek === null ? null : formatEffect(t, 'sek', sek),
    tonnes === null ? null : t('timeline.event.material', { tonnes: formatEffect(t, 'materialTonnes', tonnes) }),
  ].filter(Boolean);
  return effects.length > 0
    ? t('timeline.event.realised', { effects: effects.join(' · ') })
    : t('timeline.event.noRealised');
}

function eventText(event: TimelineEvent, t: TFunction): string | null {
  if (event.kind === 'status_change') return (event.data.reason as string | null) ?? null;
  if (event.kind === 'action_created') return t(`areas.${event.data.area as MaturityArea}`);
  if (event.kind === 'action_done') {
    return [t(`areas.${event.data.area as MaturityArea}`), realisedText(event.data, t)].join(' · ');
  }
  if (event.kind === 'analysis') {
    const kwh = numberOf(event.data.totalKwh);
    if (kwh === null) return null;
    const co2eKg = numberOf(event.data.totalCo2eKg);
    return co2eKg === null
      ? t('timeline.event.energyUse', { energy: formatEnergy(kwh) })
      : t('timeline.event.energyUseAndCo2e', { energy: formatEnergy(kwh), co2e: formatCo2eKg(co2eKg) });
  }
  if (event.kind === 'intervention') {
    const area = event.data.area ? t(`areas.${event.data.area as InterventionArea}`) : t('interventions.generalArea');
    return [area, event.data.coachName].filter(Boolean).join(' · ');
  }
  return null;
}

/** What has happened with the company, newest first, from the server's timeline; chips filter the kinds. */
export function CompanyTimeline({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const { data, error, isPending } = useTimeline(companyId, kinds);
  const titleOf = useEventTitle();

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-timeline">
      <Title order={2} id="company-timeline" mb="xs">
        {t('timeline.title')}
      </Title>
      <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as TimelineKind[])}>
        <Group gap="xs" mb="md" role="group" aria-label={t('timeline.filter')}>
          {timelineKinds.map((kind) => (
            <Chip key={kind} value={kind} size="sm" variant="outline">
              {t(`timeline.kinds.${kind}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error ? <ErrorAlert error={error} /> : null}
      {isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {data && data.items.length === 0 ? <Text c="dark.4">{t('timeline.empty')}</Text> : null}
      {data && data.items.length > 0 ? (
        <Timeline bulletSize={24} lineWidth={2} active={data.items.length}>
          {data.items.map((event) => {
            const EventIcon = icons[event.kind];
            const text = eventText(event, t);
            return (
              <Timeline.Item
                key={`${event.kind}-${event.id}`}
                bullet={<EventIcon size={14} aria-hidden />}
                title={titleOf(event)}
              >
                {text ? (
                  <Text size="sm" c="dark.6">
                    {text}
                  </Text>
                ) : null}
                {event.notes ? (
                  <Text size="sm" c="dark.5" fs="italic" style={{ whiteSpace: 'pre-line' }}>
                    {event.notes}
                  </Text>
                ) : null}
                <Text size="xs" c="dark.4" mt={2}>
                  {formatIsoDate(event.date)}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      ) : null}
      {data?.isTruncated ? (
        <Text size="sm" c="dark.4" mt="sm">
          {t('timeline.truncated')}
        </Text>
      ) : null}
    </Card>
  );
}
