import { Anchor, Badge, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../components/api-client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatIsoDate } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { StatusPage } from '../../../components/status-page';
import { useAnalysis, useDeleteAnalysis, useFactorSets } from '../api';
import { AttachmentsSection } from '../components/attachments-section';
import { EnergyMappingEditor } from '../components/energy-mapping-editor';
import { FindingsSection } from '../components/findings-section';
import { StructuredForm } from '../components/structured-form';

/** One analysis: its form (an energy mapping with live results and charts), its findings and files. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const { analysisId = '' } = useParams();
  const navigate = useNavigate();
  const analysis = useAnalysis(analysisId);
  const factorSets = useFactorSets();
  const remove = useDeleteAnalysis(analysisId);
  const [isDeleting, setDeleting] = useState(false);

  if (analysis.isPending || factorSets.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isApiError(analysis.error, 'not_found') || isApiError(analysis.error, 'invalid_input')) {
    return (
      <StatusPage
        title={t('analyses.notFound.title')}
        text={t('analyses.notFound.text')}
        linkLabel={t('analyses.notFound.link')}
        linkTo="/companies"
      />
    );
  }
  if (analysis.error || !analysis.data || !factorSets.data) {
    return <ErrorAlert error={analysis.error ?? factorSets.error} />;
  }
  const data = analysis.data;
  const { carriers, sets } = factorSets.data;

  async function handleDelete() {
    try {
      await remove.mutateAsync(data.version);
      void navigate(`/companies/${data.companyId}/analyses`);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  }

  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${data.companyId}/analyses`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('analyses.backToList', { company: data.companyName })}
      </Anchor>
      <PageHeader
        title={data.title}
        documentTitle={`${data.title} – ${data.companyName}`}
        meta={
          <Group gap="md" mt={4} wrap="wrap">
            <Badge variant="light">{t(`analyses.kinds.${data.kind}`)}</Badge>
            <Text size="sm" c="dark.6">
              {data.companyName}
            </Text>
            {data.performedOn ? (
              <Text size="sm" c="dark.6">
                {t('analyses.list.performedOn', { date: formatIsoDate(data.performedOn) })}
              </Text>
            ) : null}
            {data.createdByName ? (
              <Text size="sm" c="dark.6">
                {t('analyses.createdBy', { name: data.createdByName })}
              </Text>
            ) : null}
          </Group>
        }
        actions={
          data.abilities.canEdit ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDeleting(true)}
            >
              {t('analyses.delete')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {data.kind === 'energy_mapping' ? (
          <EnergyMappingEditor key={data.version} analysis={data} carriers={carriers} sets={sets} />
        ) : (
          <StructuredForm key={data.version} analysis={data} />
        )}
        <FindingsSection analysis={data} carriers={carriers} />
        <AttachmentsSection analysis={data} />
      </Stack>
      <ConfirmModal
        opened={isDeleting}
        title={t('analyses.deleteTitle')}
        text={t('analyses.deleteText', { title: data.title })}
        confirmLabel={t('analyses.delete')}
        isDestructive
        isPending={remove.isPending}
        onConfirm={() => void handleDelete()}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}
