import { Box, Button, Card, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Analysis,
  CircularBusinessModelContent,
  DigitalContent,
  ResourceFlowsContent,
} from '../../../../contracts/analyses';
import { ErrorAlert } from '../../../components/error-alert';
import { useSaveAnalysisContent } from '../api';
import { CircularBusinessModelFields } from './circular-business-model-fields';
import { DigitalFields } from './digital-fields';
import { fieldErrorsOf } from './field-errors';
import { ResourceFlowsFields } from './resource-flows-fields';
import type { ListErrorOf } from './structured-fields';

type Content = ResourceFlowsContent | CircularBusinessModelContent | DigitalContent;

/**
 * The form of a resource and waste flow analysis, a circular business model analysis or a digital
 * analysis. It holds the content and saves it; the fields of each kind are a component of their own.
 */
export function StructuredForm({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const update = useSaveAnalysisContent(analysis);
  const [content, setContent] = useState<Content>(analysis.content as Content);
  const isReadOnly = !analysis.abilities.canEdit;
  const errors = fieldErrorsOf(update.error);
  const errorOf: ListErrorOf = (list) => (index, key) => errors.get(`content.${list}.${index}.${key}`);
  const isDirty = JSON.stringify(content) !== JSON.stringify(analysis.content);

  async function save() {
    try {
      await update.save(content);
      notifications.show({ color: 'teal', message: t('analyses.saved') });
    } catch {
      // shown below
    }
  }

  const fields = { onChange: setContent, isReadOnly, errorOf };
  let body: React.ReactNode = null;
  if (analysis.kind === 'resource_flows') {
    body = <ResourceFlowsFields content={content as ResourceFlowsContent} {...fields} />;
  } else if (analysis.kind === 'circular_business_model') {
    body = <CircularBusinessModelFields content={content as CircularBusinessModelContent} {...fields} />;
  } else if (analysis.kind === 'digital') {
    body = <DigitalFields content={content as DigitalContent} {...fields} />;
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="analysis-form">
      <Title order={2} id="analysis-form" mb="sm">
        {t(`analyses.kinds.${analysis.kind}`)}
      </Title>
      <Stack gap="lg">{body}</Stack>
      {isReadOnly ? null : (
        <Group justify="flex-end" mt="md">
          <Button onClick={() => void save()} loading={update.isPending} disabled={!isDirty}>
            {t('common.save')}
          </Button>
        </Group>
      )}
      {update.error ? (
        <Box mt="sm">
          <ErrorAlert error={update.error} />
        </Box>
      ) : null}
    </Card>
  );
}
