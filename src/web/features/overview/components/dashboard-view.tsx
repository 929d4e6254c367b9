import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { companyStatuses } from '../../../../core/company-status';
import type { Dashboard, DashboardFigure } from '../../../../contracts/dashboard';
import { formatCo2eKg, formatEnergy, formatNumber, formatSek, formatTonnes } from '../../../components/format';
import { useAbility } from '../../../components/session';
import { currentLanguage } from '../../../i18n/i18n';
import { activitiesLink, companiesLink } from '../dashboard-params';
import { BarTable } from './bar-table';
import { FigureLink } from './figure-link';
import { ProgressLineChart } from './progress-line-chart';

const locale = 'sv-SE';
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const change = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
const formatMonth = (month: string) =>
  monthName.format(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

function Section({ id, title, children, note }: { id: string; title: string; children: ReactNode; note?: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} fz="h3" mb={note ? 2 : 'sm'}>
        {title}
      </Title>
      {note ? (
        <Text size="sm" c="dark.4" mb="sm">
          {note}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}

/** The programme dashboard: every figure links to the companies (or activities) behind it. */
export function DashboardView({ dashboard: d }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const link = (figure: DashboardFigure) => companiesLink(d, figure);
  const progressShare = d.progress.target > 0 ? Math.min(100, (d.progress.takenUp / d.progress.target) * 100) : 0;
  const canChangeTarget = useAbility('manageProgrammeSettings');

  return (
    <Stack gap="lg">
      <Section id="dashboard-progress" title={t('overview.progress.title')}>
        <Stack gap="sm">
          <Group gap="xs" align="baseline" wrap="wrap">
            <FigureLink
              to={link({ kind: 'taken_up' })}
              size="2rem"
              label={t('overview.progress.takenUpLabel', { count: d.progress.takenUp })}
            >
              {formatNumber(d.progress.takenUp)}
            </FigureLink>
            <Text fz="lg">{t('overview.progress.ofTarget', { target: formatNumber(d.progress.target) })}</Text>
            {canChangeTarget ? (
              <Anchor component={Link} to="/reports" size="sm">
                {t('overview.progress.changeTarget')}
              </Anchor>
            ) : null}
          </Group>
          <Progress
            value={progressShare}
            size="lg"
            radius="sm"
            aria-label={t('overview.progress.bar', {
              takenUp: formatNumber(d.progress.takenUp),
              target: formatNumber(d.progress.target),
            })}
          />
          <Text size="sm">
            {t('overview.progress.inPeriod')}{' '}
            <FigureLink to={link({ kind: 'taken_up_in_period' })} size="sm">
              {formatNumber(d.progress.takenUpInPeriod)}
            </FigureLink>
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            {companyStatuses.map((status) => (
              <Stack key={status} gap={0}>
                <Text size="sm" c="dark.6">
                  {t(`overview.status.${status}`)}
                </Text>
                <FigureLink
                  to={link({ kind: 'status', status })}
                  label={t('overview.progress.statusLabel', {
                    count: d.progress.byStatus[status],
                    status: t(`overview.status.${status}`),
                  })}
                >
                  {formatNumber(d.progress.byStatus[status])}
                </FigureLink>
              </Stack>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dark.4">
            {t('overview.progress.statusNote')}
          </Text>
          <Title order={3} fz="md" mt="xs">
            {t('overview.progress.lineTitle')}
          </Title>
          <ProgressLineChart
            data={d.progress.byMonth.map((point) => ({
              month: formatMonth(point.month),
              cumulative: point.cumulative,
            }))}
            target={d.progress.target}
            label={t('overview.progress.lineChart', {
              takenUp: formatNumber(d.progress.takenUp),
              target: formatNumber(d.progress.target),
            })}
            targetLabel={t('overview.progress.target', { target: formatNumber(d.progress.target) })}
          />
          <details>
            <summary>
              <Text component="span" size="sm">
                {t('overview.progress.lineTable')}
              </Text>
            </summary>
            <Table.ScrollContainer minWidth={320}>
              <Table striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('overview.progress.month')}</Table.Th>
                    <Table.Th scope="col">{t('overview.progress.takenUpInMonth')}</Table.Th>
                    <Table.Th scope="col">{t('overview.progress.cumulative')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.progress.byMonth.map((point) => (
                    <Table.Tr key={point.month}>
                      <Table.Th scope="row" fw={500}>
                        {formatMonth(point.month)}
                      </Table.Th>
                      <Table.Td>{formatNumber(point.takenUp)}</Table.Td>
                      <Table.Td>{formatNumber(point.cumulative)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </details>
        </Stack>
      </Section>

      <Section id="dashboard-companies" title={t('overview.companies.title')} note={t('overview.companies.note')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {d.organisation ? null : (
            <div>
              <Title order={3} fz="md" mb={4}>
                {t('overview.companies.byOrganisation')}
              </Title>
              <BarTable
                caption={t('overview.companies.byOrganisation')}
                columns={[t('overview.companies.organisation'), t('overview.companies.count')]}
                rows={d.companies.byOrganisation.map((row) => ({
                  key: row.organisationId,
                  label: row.name,
                  value: row.companies,
                  text: formatNumber(row.companies),
                  to: link({ kind: 'organisation', organisationId: row.organisationId }),
                }))}
              />
            </div>
          )}
          <div>
            <Title order={3} fz="md" mb={4}>
              {t('overview.companies.byReportingArea')}
            </Title>
            <BarTable
              caption={t('overview.companies.byReportingArea')}
              columns={[t('overview.companies.reportingArea'), t('overview.companies.count')]}
              rows={[
                ...d.companies.byReportingArea.map((row) => ({
                  key: row.reportingArea,
                  label: t(`reportingAreas.${row.reportingArea}`),
                  value: row.companies,
                  text: formatNumber(row.companies),
                  to: link({ kind: 'reporting_area', reportingArea: row.reportingArea }),
                })),
                ...(d.companies.unknownMunicipality > 0
                  ? [
                      {
                        key: 'unknown',
                        label: t('overview.companies.unknownMunicipality'),
                        value: d.companies.unknownMunicipality,
                        text: formatNumber(d.companies.unknownMunicipality),
                        to: link({ kind: 'unknown_municipality' }),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
          <div>
            <Title order={3} fz="md" mb={4}>
              {t('overview.companies.byCoFinancer')}
            </Title>
            <BarTable
              caption={t('overview.companies.byCoFinancer')}
              columns={[t('overview.companies.coFinancer'), t('overview.companies.count')]}
              rows={d.companies.byCoFinancer.map((row) => ({
                key: row.coFinancer,
                label: row.name[language],
                value: row.companies,
                text: formatNumber(row.companies),
                to: link({ kind: 'co_financer', coFinancer: row.coFinancer }),
              }))}
            />
          </div>
          <div>
            <Title order={3} fz="md" mb={4}>
              {t('overview.companies.bySizeClass')}
            </Title>
            <BarTable
              caption={t('overview.companies.bySizeClass')}
              columns={[t('overview.companies.sizeClass'), t('overview.companies.count')]}
              rows={d.companies.bySizeClass.map((row) => ({
                key: row.sizeClass ?? 'unknown',
                label: t(`overview.sizeClass.${row.sizeClass ?? 'unknown'}`),
                value: row.companies,
                text: formatNumber(row.companies),
                to: link({ kind: 'size_class', sizeClass: row.sizeClass }),
              }))}
            />
          </div>
          <div>
            <Title order={3} fz="md" mb={4}>
              {t('overview.companies.bySniDivision')}
            </Title>
            {d.companies.bySniDivision.length === 0 ? (
              <Text size="sm">{t('overview.none')}</Text>
            ) : (
              <BarTable
                caption={t('overview.companies.bySniDivision')}
                columns={[t('overview.companies.sniDivision'), t('overview.companies.count')]}
                rows={d.companies.bySniDivision.map((row) => ({
                  key: row.sniDivision ?? 'unknown',
                  label: row.sniDivision
                    ? `${row.sniDivision} ${row.name?.[language] ?? ''}`
                    : t('overview.companies.unknownSni'),
                  value: row.companies,
                  text: formatNumber(row.companies),
                  to: link({ kind: 'sni_division', sniDivision: row.sniDivision }),
                }))}
              />
            )}
          </div>
        </SimpleGrid>
      </Section>

      <Section id="dashboard-maturity" title={t('overview.maturity.title')} note={t('overview.maturity.note')}>
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={6}>
            <Table.Caption className="visually-hidden">{t('overview.maturity.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('overview.maturity.area')}</Table.Th>
                <Table.Th scope="col">{t('overview.maturity.withBaseline')}</Table.Th>
                <Table.Th scope="col">{t('overview.maturity.withFollowUp')}</Table.Th>
                <Table.Th scope="col">{t('overview.maturity.climbed')}</Table.Th>
                <Table.Th scope="col">{t('overview.maturity.medianChange')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.maturity.map((row) => (
                <Table.Tr key={row.area}>
                  <Table.Th scope="row" fw={500}>
                    {t(`areas.${row.area}`)}
                  </Table.Th>
                  <Table.Td>
                    <FigureLink to={link({ kind: 'maturity', area: row.area, maturity: 'baseline' })}>
                      {formatNumber(row.withBaseline)}
                    </FigureLink>
                  </Table.Td>
                  <Table.Td>
                    <FigureLink to={link({ kind: 'maturity', area: row.area, maturity: 'follow_up' })}>
                      {formatNumber(row.withFollowUp)}
                    </FigureLink>
                  </Table.Td>
                  <Table.Td>
                    {row.climbedShare === null ? (
                      '–'
                    ) : (
                      <>
                        <FigureLink to={link({ kind: 'maturity', area: row.area, maturity: 'climbed' })}>
                          {percent.format(row.climbedShare)}
                        </FigureLink>{' '}
                        <Text component="span" size="sm" c="dark.6">
                          {t('overview.maturity.climbedOf', {
                            climbed: formatNumber(row.climbed),
                            compared: formatNumber(row.compared),
                          })}
                        </Text>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {row.medianChange === null ? (
                      '–'
                    ) : (
                      <FigureLink to={link({ kind: 'maturity', area: row.area, maturity: 'compared' })}>
                        {t('overview.maturity.steps', { value: change.format(row.medianChange) })}
                      </FigureLink>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section id="dashboard-actions" title={t('overview.actions.title')} note={t('overview.actions.note')}>
        <Stack gap="sm">
          <Group gap="xl" wrap="wrap">
            <Stack gap={0}>
              <Text size="sm" c="dark.6">
                {t('overview.actions.open')}
              </Text>
              <FigureLink
                to={link({ kind: 'actions', actions: 'open' })}
                label={t('overview.actions.openLabel', { count: d.actions.open })}
              >
                {formatNumber(d.actions.open)}
              </FigureLink>
            </Stack>
            <Stack gap={0}>
              <Text size="sm" c="dark.6">
                {t('overview.actions.done')}
              </Text>
              <FigureLink
                to={link({ kind: 'actions', actions: 'done' })}
                label={t('overview.actions.doneLabel', { count: d.actions.totals.done })}
              >
                {formatNumber(d.actions.totals.done)}
              </FigureLink>
            </Stack>
            {d.actions.totals.doneUnconfirmed > 0 ? (
              <Stack gap={0}>
                <Text size="sm" c="dark.6">
                  {t('overview.actions.unconfirmed')}
                </Text>
                <FigureLink to={link({ kind: 'actions', actions: 'unconfirmed' })}>
                  {formatNumber(d.actions.totals.doneUnconfirmed)}
                </FigureLink>
              </Stack>
            ) : null}
          </Group>
          <BarTable
            caption={t('overview.actions.effects')}
            columns={[t('overview.actions.effect'), t('overview.actions.value')]}
            rows={(
              [
                ['kwh', t('effects.kwh'), formatEnergy],
                ['co2eKg', t('effects.co2e'), formatCo2eKg],
                ['sek', t('effects.sek'), formatSek],
                ['materialTonnes', t('effects.material'), formatTonnes],
              ] as const
            ).flatMap(([key, name, format]) => {
              const expected = d.actions.totals.expected[key];
              const realised = d.actions.totals.realised[key];
              return [
                {
                  key: `${key}-expected`,
                  label: t('overview.actions.expectedOf', { effect: name }),
                  value: expected,
                  text: format(expected),
                  to: link({ kind: 'actions', actions: 'plan' }),
                },
                {
                  key: `${key}-realised`,
                  label: t('overview.actions.realisedOf', { effect: name }),
                  value: realised,
                  text: format(realised),
                  to: link({ kind: 'actions', actions: 'confirmed' }),
                },
              ];
            })}
          />
          <Anchor component={Link} to="/action-totals" size="sm">
            {t('overview.actions.more')}
          </Anchor>
        </Stack>
      </Section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section id="dashboard-coaching" title={t('overview.coaching.title')} note={t('overview.coaching.note')}>
          <Stack gap="sm">
            <Text>
              <FigureLink to={link({ kind: 'coaching' })} size="1.5rem">
                {hours.format(d.coaching.hours)}
              </FigureLink>{' '}
              {t('overview.coaching.hours', { count: d.coaching.hours })}
            </Text>
            {d.organisation ? null : (
              <BarTable
                caption={t('overview.coaching.byOrganisation')}
                columns={[t('overview.companies.organisation'), t('overview.coaching.hoursColumn')]}
                rows={d.coaching.byOrganisation.map((row) => ({
                  key: row.organisationId,
                  label: row.name,
                  value: row.hours,
                  text: hours.format(row.hours),
                  to: link({ kind: 'coaching', organisationId: row.organisationId }),
                }))}
              />
            )}
            <Title order={3} fz="md">
              {t('overview.coaching.byArea')}
            </Title>
            <BarTable
              caption={t('overview.coaching.byArea')}
              columns={[t('overview.maturity.area'), t('overview.coaching.hoursColumn')]}
              rows={d.coaching.byArea.map((row) => ({
                key: row.area,
                label: row.area === 'general' ? t('interventions.generalArea') : t(`areas.${row.area}`),
                value: row.hours,
                text: hours.format(row.hours),
                to: link({ kind: 'coaching', area: row.area }),
              }))}
            />
            <Title order={3} fz="md">
              {t('overview.coaching.byKind')}
            </Title>
            <BarTable
              caption={t('overview.coaching.byKind')}
              columns={[t('overview.coaching.kind'), t('overview.coaching.hoursColumn')]}
              rows={d.coaching.byKind.map((row) => ({
                key: row.kind,
                label: t(`interventions.kinds.${row.kind}`),
                value: row.hours,
                text: hours.format(row.hours),
                to: link({ kind: 'coaching', coachingKind: row.kind }),
              }))}
            />
          </Stack>
        </Section>

        <Section id="dashboard-activities" title={t('overview.activities.title')} note={t('overview.activities.note')}>
          <Stack gap="sm">
            <Text>
              <FigureLink to={activitiesLink(d)} size="1.5rem">
                {formatNumber(d.activities.held)}
              </FigureLink>{' '}
              {t('overview.activities.held', { count: d.activities.held })}
            </Text>
            <Table.ScrollContainer minWidth={360}>
              <Table striped verticalSpacing={4}>
                <Table.Caption className="visually-hidden">{t('overview.activities.byGender')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('overview.activities.gender')}</Table.Th>
                    <Table.Th scope="col">{t('overview.activities.people')}</Table.Th>
                    <Table.Th scope="col">{t('overview.activities.attendances')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(['woman', 'man', 'other', 'not_stated', 'total'] as const).map((gender) => (
                    <Table.Tr key={gender}>
                      <Table.Th scope="row" fw={gender === 'total' ? 700 : 500}>
                        {t(`overview.gender.${gender}`)}
                      </Table.Th>
                      <Table.Td>
                        {gender === 'total' ? (
                          <FigureLink
                            to={link({ kind: 'attended' })}
                            label={t('overview.activities.peopleLabel', { count: d.activities.people.total })}
                          >
                            {formatNumber(d.activities.people.total)}
                          </FigureLink>
                        ) : (
                          formatNumber(d.activities.people[gender])
                        )}
                      </Table.Td>
                      <Table.Td>{formatNumber(d.activities.attendances[gender])}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dark.4">
              {t('overview.activities.peopleNote')}
            </Text>
          </Stack>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
