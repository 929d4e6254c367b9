import { Anchor, Badge, Center, Group, Loader, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Assessment } from '../../../../contracts/maturity';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { StatusPage } from '../../../components/status-page';
import { useAssessment } from '../api';
import { AssessmentForm } from '../components/assessment-form';

/** A measurement: answered with the company, saved as you go, scored live, submitted once. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const assessment = useAssessment(assessmentId);
  if (assessment.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isApiError(assessment.error, 'not_found') || isApiError(assessment.error, 'invalid_input')) {
    return (
      <StatusPage
        title={t('maturity.form.notFoundTitle')}
        text={t('maturity.form.notFoundText')}
        linkLabel={t('nav.overview')}
        linkTo="/"
      />
    );
  }
  if (assessment.error || !assessment.data) return <ErrorAlert error={assessment.error} />;
  const data = assessment.data;
  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${data.companyId}/maturity`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('maturity.backToResults')}
      </Anchor>
      <PageHeader
        title={t('maturity.form.title', { area: t(`areas.${data.area}`), name: data.companyName })}
        meta={<AssessmentBadges assessment={data} />}
      />
      {/* A new key on submit starts the form afresh from what the server now holds. */}
      <AssessmentForm key={data.id + data.status} assessment={data} />
    </>
  );
}

function AssessmentBadges({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" mt={4}>
      <Badge variant="light">{t(`maturity.kinds.${assessment.kind}`)}</Badge>
      <Badge variant="light" color={assessment.mode === 'self' ? 'grape' : 'blue'}>
        {t(`maturity.modes.${assessment.mode}`)}
      </Badge>
      <Badge variant="light" color={assessment.status === 'submitted' ? 'teal' : 'yellow'}>
        {t(`maturity.statuses.${assessment.status}`)}
      </Badge>
      <Text size="sm" c="dark.4">
        {t('maturity.form.modelVersion', { version: assessment.modelVersion })}
      </Text>
    </Group>
  );
}
