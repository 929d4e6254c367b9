import { Alert, Anchor, Badge, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { analysisKinds, type AnalysisKind } from '../../../../core/analyses';
import { defaultFactorSet } from '../../../../core/energy';
import { analysisContentSchemas, type Analysis } from '../../../../contracts/analyses';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { StatusPage } from '../../../components/status-page';
import { useCompanyAnalyses } from '../../../components/company-analyses-and-actions';
import { useFactorSets } from '../api';
import { EnergyMappingEditor } from '../components/energy-mapping-editor';
import { StructuredForm } from '../components/structured-form';

/**
 * A new analysis before it exists: the form of its kind, created when the person saves it, so that
 * walking away leaves no empty analysis behind (issue 16). Findings and files come after saving.
 */
export function NewAnalysisPage() {
  const { t } = useTranslation();
  const { companyId = '', kind: kindParam = '' } = useParams();
  const list = useCompanyAnalyses(companyId);
  const factorSets = useFactorSets();
  const kind = analysisKinds.find((candidate) => candidate === kindParam);

  if (list.isPending || factorSets.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (!kind || (list.data && !list.data.canCreate)) {
    return (
      <StatusPage
        title={t('analyses.notFound.title')}
        text={t('analyses.notFound.text')}
        linkLabel={t('analyses.notFound.link')}
        linkTo="/companies"
      />
    );
  }
  if (list.error || !list.data || !factorSets.data) return <ErrorAlert error={list.error ?? factorSets.error} />;

  const { carriers, sets } = factorSets.data;
  const draft = draftAnalysis(
    kind,
    companyId,
    list.data.companyName,
    sets,
    t(`analyses.newTitle.${kind}`, { year: lastYear() }),
  );
  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${companyId}/analyses`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('analyses.backToList', { company: draft.companyName })}
      </Anchor>
      <PageHeader
        title={draft.title}
        documentTitle={`${draft.title} – ${draft.companyName}`}
        meta={
          <Group gap="md" mt={4} wrap="wrap">
            <Badge variant="light">{t(`analyses.kinds.${kind}`)}</Badge>
            <Text size="sm" c="dark.6">
              {draft.companyName}
            </Text>
          </Group>
        }
      />
      <Stack gap="lg">
        <Alert variant="light" color="brand">
          {t('analyses.draftNote')}
        </Alert>
        {kind === 'energy_mapping' ? (
          <EnergyMappingEditor analysis={draft} carriers={carriers} sets={sets} />
        ) : (
          <StructuredForm analysis={draft} />
        )}
      </Stack>
    </>
  );
}

/** The year an analysis usually describes: the last whole year, whose invoices are in. */
function lastYear(): number {
  return new Date().getFullYear() - 1;
}

function draftAnalysis(
  kind: AnalysisKind,
  companyId: string,
  companyName: string,
  sets: NonNullable<ReturnType<typeof useFactorSets>['data']>['sets'],
  title: string,
): Analysis {
  const year = lastYear();
  let content: Record<string, unknown>;
  if (kind === 'energy_mapping') {
    const entries = sets.map((entry) => entry.set);
    const set = defaultFactorSet(entries, year) ?? entries.at(-1);
    content = { year, factorSetKey: set?.key ?? '', lines: [] };
  } else {
    content = analysisContentSchemas[kind].parse({}) as Record<string, unknown>;
  }
  return {
    id: '',
    companyId,
    companyName,
    organisationId: '',
    kind,
    title,
    year: kind === 'energy_mapping' ? null : year,
    performedOn: null,
    summary: null,
    content,
    factorSet: null,
    factors: null,
    energy: null,
    findings: [],
    attachments: [],
    version: 0,
    createdByName: null,
    createdAt: '',
    updatedAt: '',
    abilities: { canEdit: true, canUploadAttachments: false, canConvertFindings: false },
  };
}
