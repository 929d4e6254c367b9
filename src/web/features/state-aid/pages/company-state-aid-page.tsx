import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconFileDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CompanyStateAid, Declaration, Grant } from '../../../../contracts/state-aid';
import { downloadFile } from '../../../components/download';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatDateTime, formatIsoDate, formatNumber } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useCompanyStateAid, useConfirmDeclaration, useUndertakingStateAid } from '../api';
import { DeclarationModal } from '../components/declaration-modal';
import { GrantModal } from '../components/grant-modal';
import { LedgerTable } from '../components/ledger-table';
import { formatCents, formatOre } from '../money';

// The admin page loads with this one: one route chunk for the feature keeps the entry's list of
// chunk files short (the sign-in page's budget, docs/quality.md P3).
export { StateAidAdminPage } from './state-aid-admin-page';

const stateColour = {
  valid: 'teal',
  awaiting_confirmation: 'yellow',
  expired: 'gray',
  signed_later: 'gray',
  none: 'gray',
} as const;

function useDownload() {
  const { t } = useTranslation();
  return (path: string, name: string) =>
    downloadFile(path, name).catch((failure: unknown) =>
      notifications.show({ color: 'red', message: errorMessage(t, failure) }),
    );
}

/** A company's state aid (issue 13): the ceiling, the declaration, the grants, realised support and the ledger. */
export function CompanyStateAidPage() {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const query = useCompanyStateAid(companyId);
  if (query.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('stateAid.loading')} />
      </Center>
    );
  }
  if (query.error || !query.data) return <ErrorAlert error={query.error} />;
  return <StateAidView data={query.data} />;
}

function StateAidView({ data }: { data: CompanyStateAid }) {
  const { t } = useTranslation();
  const [isDeclaring, setDeclaring] = useState(false);
  const [granting, setGranting] = useState<{ replacing: Grant | null } | null>(null);
  const download = useDownload();
  const awaiting = data.declarations.some((d) => !d.isConfirmed);
  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${data.companyId}`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('stateAid.backToCompany')}
      </Anchor>
      <PageHeader
        title={t('stateAid.pageTitle', { company: data.companyName })}
        description={t('stateAid.description')}
      />
      <Stack gap="lg">
        <Alerts data={data} awaiting={awaiting} />
        <CeilingCard data={data} />
        <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-declarations">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} id="state-aid-declarations">
              {t('stateAid.declarations.title')}
            </Title>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileDownload size={16} aria-hidden />}
                onClick={() =>
                  void download(`/api/companies/${data.companyId}/state-aid-declaration-form`, 'de-minimis-intyg.pdf')
                }
              >
                {t('stateAid.declarations.form')}
              </Button>
              {data.abilities.canDeclare ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDeclaring(true)}>
                  {t('stateAid.declarations.add')}
                </Button>
              ) : null}
            </Group>
          </Group>
          {data.declarations.length === 0 ? <Text c="dark.4">{t('stateAid.declarations.none')}</Text> : null}
          <Stack gap="md">
            {data.declarations.map((declaration) => (
              <DeclarationItem
                key={declaration.id}
                declaration={declaration}
                canConfirm={data.abilities.canConfirmDeclarations}
              />
            ))}
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-grants">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} id="state-aid-grants">
              {t('stateAid.grants.title')}
            </Title>
            {data.abilities.canGrant ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGranting({ replacing: null })}>
                {t('stateAid.grants.add')}
              </Button>
            ) : null}
          </Group>
          {data.grants.length === 0 ? (
            <Text c="dark.4">{t('stateAid.grants.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('stateAid.grants.grantedOn')}</Table.Th>
                    <Table.Th ta="right">{t('stateAid.grants.value')}</Table.Th>
                    <Table.Th ta="right">{t('stateAid.grants.valueEur')}</Table.Th>
                    <Table.Th>{t('stateAid.grants.legalBasis')}</Table.Th>
                    <Table.Th>{t('stateAid.grants.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.grants].reverse().map((grant) => (
                    <Table.Tr key={grant.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(grant.grantedOn)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatOre(grant.valueOre)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatCents(grant.valueCents)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`stateAid.legalBases.${grant.legalBasis}`)}</Text>
                        {grant.replacementReason ? (
                          <Text size="xs" c="dark.5">
                            {t('stateAid.grants.replaces', { reason: grant.replacementReason })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td miw={96}>
                        <Badge variant="light" color={grant.isCurrent ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
                          {t(grant.isCurrent ? 'stateAid.grants.current' : 'stateAid.grants.replaced')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            leftSection={<IconFileDownload size={14} aria-hidden />}
                            onClick={() =>
                              void download(
                                `/api/state-aid-grants/${grant.id}/notice`,
                                `stodbeslut-${grant.grantedOn}.pdf`,
                              )
                            }
                          >
                            {t('stateAid.grants.notice')}
                          </Button>
                          {grant.isCurrent && data.abilities.canGrant ? (
                            <Button size="xs" variant="subtle" onClick={() => setGranting({ replacing: grant })}>
                              {t('stateAid.grants.correct')}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
        <RealisedCard data={data} />
        <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-ledger">
          <Title order={2} id="state-aid-ledger">
            {t('stateAid.ledger.title')}
          </Title>
          <Text size="sm" c="dark.6" mb="sm">
            {t('stateAid.ledger.description')}
          </Text>
          <LedgerTable entries={data.ledger} showCompany={false} />
        </Card>
        {data.undertaking && data.abilities.canSeeUndertakingLedger ? (
          <UndertakingLedgerCard undertakingId={data.undertaking.id} />
        ) : null}
      </Stack>
      {isDeclaring ? <DeclarationModal companyId={data.companyId} onClose={() => setDeclaring(false)} /> : null}
      {granting ? (
        <GrantModal
          companyId={data.companyId}
          defaultLegalBasis={data.settings.legalBasis}
          replacing={granting.replacing}
          onClose={() => setGranting(null)}
        />
      ) : null}
    </>
  );
}

function Alerts({ data, awaiting }: { data: CompanyStateAid; awaiting: boolean }) {
  const { t } = useTranslation();
  const alerts: { key: string; colour: string; text: string }[] = [];
  if (data.realised.needsNewGrant) {
    alerts.push({
      key: 'needs',
      colour: 'red',
      text: t('stateAid.alerts.needsNewGrant', {
        realised: formatOre(data.realised.valueOre),
        granted: formatOre(data.realised.grantedValueOre),
      }),
    });
  }
  if (!data.hasGrant) alerts.push({ key: 'grant', colour: 'yellow', text: t('stateAid.alerts.noGrant') });
  if (awaiting) alerts.push({ key: 'awaiting', colour: 'yellow', text: t('stateAid.alerts.awaitingConfirmation') });
  else if (data.declarationState !== 'valid') {
    alerts.push({ key: 'declaration', colour: 'yellow', text: t('stateAid.alerts.noDeclaration') });
  }
  if (data.missingRateMonths.length > 0) {
    alerts.push({
      key: 'eur',
      colour: 'orange',
      text: t('stateAid.alerts.missingEurRates', { months: data.missingRateMonths.join(', ') }),
    });
  }
  if (data.realised.missingRates.length > 0) {
    alerts.push({
      key: 'hourly',
      colour: 'orange',
      text: t('stateAid.alerts.missingHourlyRates', {
        list: data.realised.missingRates.map((m) => `${m.organisationName} ${m.year}`).join(', '),
      }),
    });
  }
  if (alerts.length === 0) return null;
  return (
    <Stack gap="xs">
      {alerts.map((alert) => (
        <Alert key={alert.key} color={alert.colour} variant="light" role={alert.colour === 'red' ? 'alert' : undefined}>
          {alert.text}
        </Alert>
      ))}
    </Stack>
  );
}

function CeilingCard({ data }: { data: CompanyStateAid }) {
  const { t } = useTranslation();
  const { position } = data;
  const colour = position.percentOfCeiling >= 100 ? 'red' : position.percentOfCeiling >= 80 ? 'yellow' : 'teal';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-ceiling">
      <Title order={2} id="state-aid-ceiling" mb="xs">
        {t('stateAid.ceiling.title')}
      </Title>
      <Text size="sm" c="dark.6">
        {data.undertaking
          ? t('stateAid.ceiling.undertaking', {
              name: data.undertaking.name,
              companies: data.undertaking.companies.map((c) => c.name).join(', '),
            })
          : t('stateAid.ceiling.single')}
      </Text>
      <Text size="sm" c="dark.6" mb="sm">
        {t('stateAid.ceiling.window', {
          from: formatIsoDate(position.windowFrom),
          to: formatIsoDate(position.windowTo),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <Figure label={t('stateAid.ceiling.total')} value={formatCents(position.totalCents)} />
        <Figure label={t('stateAid.ceiling.room')} value={formatCents(position.roomCents)} />
        <Figure label={t('stateAid.ceiling.ceiling')} value={formatCents(position.ceilingCents)} />
      </SimpleGrid>
      <Progress
        value={Math.min(100, position.percentOfCeiling)}
        color={colour}
        size="lg"
        aria-label={t('stateAid.ceiling.percent', { percent: position.percentOfCeiling })}
      />
      <Text size="sm" mt={4}>
        {t('stateAid.ceiling.percent', { percent: formatNumber(position.percentOfCeiling) })}
      </Text>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dark.5">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </div>
  );
}

function DeclarationItem({ declaration, canConfirm }: { declaration: Declaration; canConfirm: boolean }) {
  const { t } = useTranslation();
  const confirm = useConfirmDeclaration();
  const doConfirm = async () => {
    try {
      await confirm.mutateAsync({ id: declaration.id, version: declaration.version });
      notifications.show({ color: 'teal', message: t('stateAid.declarations.confirmed') });
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  };
  return (
    <Stack gap={4} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} pt="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>
            {t('stateAid.declarations.signed', {
              date: formatIsoDate(declaration.signedOn),
              signer: declaration.signerName,
            })}
          </Text>
          <Badge variant="light" color={stateColour[declaration.state]}>
            {t(`stateAid.declarations.states.${declaration.state}`)}
          </Badge>
        </Group>
        {canConfirm && !declaration.isConfirmed ? (
          <Button
            size="xs"
            leftSection={<IconCheck size={14} aria-hidden />}
            onClick={() => void doConfirm()}
            loading={confirm.isPending}
          >
            {t('stateAid.declarations.confirm')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dark.5">
        {t(
          declaration.enteredByRole === 'company'
            ? 'stateAid.declarations.enteredByCompany'
            : 'stateAid.declarations.enteredByStaff',
        )}
        {declaration.isConfirmed && declaration.confirmedAt
          ? ` · ${t('stateAid.declarations.confirmedBy', {
              date: formatDateTime(declaration.confirmedAt),
              name: declaration.confirmedByName ?? '',
            })}`
          : ''}
        {' · '}
        {t('stateAid.declarations.validUntil', { date: formatIsoDate(declaration.validUntil) })}
      </Text>
      {declaration.hasEarlierAid ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stateAid.declarations.modal.grantingBody')}</Table.Th>
                <Table.Th ta="right">{t('stateAid.declarations.modal.amount')}</Table.Th>
                <Table.Th>{t('stateAid.declarations.modal.decidedOn')}</Table.Th>
                <Table.Th ta="right">{t('stateAid.declarations.modal.paidAmount')}</Table.Th>
                <Table.Th>{t('stateAid.declarations.modal.paidOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {declaration.aids.map((aid) => (
                <Table.Tr key={aid.id}>
                  <Table.Td>{aid.grantingBody}</Table.Td>
                  <Table.Td ta="right">{formatOre(aid.amountOre)}</Table.Td>
                  <Table.Td>{formatIsoDate(aid.decidedOn)}</Table.Td>
                  <Table.Td ta="right">{aid.paidAmountOre === null ? '–' : formatOre(aid.paidAmountOre)}</Table.Td>
                  <Table.Td>{aid.paidOn ? formatIsoDate(aid.paidOn) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm">{t('stateAid.declarations.noEarlierAid')}</Text>
      )}
    </Stack>
  );
}

function RealisedCard({ data }: { data: CompanyStateAid }) {
  const { t } = useTranslation();
  const { realised } = data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-realised">
      <Title order={2} id="state-aid-realised" mb="sm">
        {t('stateAid.realised.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <Figure label={t('stateAid.realised.hours')} value={formatNumber(realised.hours)} />
        <Figure label={t('stateAid.realised.hoursValue')} value={formatOre(realised.hoursOre)} />
        <Figure label={t('stateAid.realised.places')} value={formatNumber(realised.attendedPlaces)} />
        <Figure label={t('stateAid.realised.placesValue')} value={formatOre(realised.activitiesOre)} />
        <Figure label={t('stateAid.realised.total')} value={formatOre(realised.valueOre)} />
        <Figure label={t('stateAid.realised.granted')} value={formatOre(realised.grantedValueOre)} />
      </SimpleGrid>
    </Card>
  );
}

function UndertakingLedgerCard({ undertakingId }: { undertakingId: string }) {
  const { t } = useTranslation();
  const query = useUndertakingStateAid(undertakingId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="state-aid-undertaking">
      <Title order={2} id="state-aid-undertaking" mb="sm">
        {t('stateAid.ceiling.undertakingLedger')}
      </Title>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.data ? <LedgerTable entries={query.data.ledger} showCompany /> : null}
    </Card>
  );
}
