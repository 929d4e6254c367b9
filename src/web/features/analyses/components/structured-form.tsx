import { Box, Button, Card, Group, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  circularArchetypes,
  circularStatuses,
  dataCollectionMethods,
  digitalSystemCategories,
  gapPriorities,
  rStrategies,
  wasteTreatments,
  type CircularBusinessModelContent,
  type DigitalContent,
  type ResourceFlowsContent,
  type Analysis,
} from '../../../../contracts/analyses';
import { ErrorAlert } from '../../../components/error-alert';
import { useSaveAnalysisContent } from '../api';
import { fieldErrorsOf } from './field-errors';
import { RowsEditor } from './rows-editor';

type Content = ResourceFlowsContent | CircularBusinessModelContent | DigitalContent;

/** The form of a resource and waste flow analysis, a circular business model analysis or a digital analysis. */
export function StructuredForm({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const update = useSaveAnalysisContent(analysis);
  const [content, setContent] = useState<Content>(analysis.content as Content);
  const isReadOnly = !analysis.abilities.canEdit;
  const errors = fieldErrorsOf(update.error);
  const errorOf = (list: string) => (index: number, key: string) => errors.get(`content.${list}.${index}.${key}`);
  const options = <K extends string>(values: readonly K[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'analyses.forms.treatments.reuse') }));
  const statusOptions = options(circularStatuses, 'analyses.forms.statuses');
  const isDirty = JSON.stringify(content) !== JSON.stringify(analysis.content);

  async function save() {
    try {
      await update.save(content);
      notifications.show({ color: 'teal', message: t('analyses.saved') });
    } catch {
      // shown below
    }
  }

  let body: React.ReactNode = null;
  if (analysis.kind === 'resource_flows') {
    const flows = content as ResourceFlowsContent;
    body = (
      <>
        <RowsEditor
          id="material-inputs"
          title={t('analyses.forms.materialInputs')}
          help={t('analyses.forms.materialInputsHelp')}
          rows={flows.materialInputs}
          isReadOnly={isReadOnly}
          errorOf={errorOf('materialInputs')}
          newRow={() => ({ name: '', tonnesPerYear: 0, costSek: null, circularSharePercent: null })}
          onChange={(rows) => setContent({ ...flows, materialInputs: rows })}
          columns={[
            { key: 'name', label: t('analyses.forms.name'), kind: 'text', isRequired: true },
            {
              key: 'tonnesPerYear',
              label: t('analyses.forms.tonnesPerYear'),
              kind: 'number',
              suffix: ' t',
              isRequired: true,
            },
            { key: 'costSek', label: t('analyses.forms.costSek'), kind: 'number', suffix: ' kr' },
            { key: 'circularSharePercent', label: t('analyses.forms.circularShare'), kind: 'number', suffix: ' %' },
          ]}
        />
        <RowsEditor
          id="waste-streams"
          title={t('analyses.forms.wasteStreams')}
          help={t('analyses.forms.wasteStreamsHelp')}
          rows={flows.wasteStreams}
          isReadOnly={isReadOnly}
          errorOf={errorOf('wasteStreams')}
          newRow={() => ({ name: '', tonnesPerYear: 0, treatment: 'recycling' as const, costSek: null })}
          onChange={(rows) => setContent({ ...flows, wasteStreams: rows })}
          columns={[
            { key: 'name', label: t('analyses.forms.name'), kind: 'text', isRequired: true },
            {
              key: 'tonnesPerYear',
              label: t('analyses.forms.tonnesPerYear'),
              kind: 'number',
              suffix: ' t',
              isRequired: true,
            },
            {
              key: 'treatment',
              label: t('analyses.forms.treatment'),
              kind: 'select',
              options: options(wasteTreatments, 'analyses.forms.treatments'),
            },
            { key: 'costSek', label: t('analyses.forms.costSek'), kind: 'number', suffix: ' kr' },
          ]}
        />
        <Textarea
          label={t('analyses.forms.notes')}
          autosize
          minRows={2}
          disabled={isReadOnly}
          value={flows.notes ?? ''}
          onChange={(event) => setContent({ ...flows, notes: event.currentTarget.value || null })}
        />
      </>
    );
  } else if (analysis.kind === 'circular_business_model') {
    const circular = content as CircularBusinessModelContent;
    body = (
      <>
        <Textarea
          label={t('analyses.forms.currentModel')}
          description={t('analyses.forms.currentModelHelp')}
          autosize
          minRows={2}
          disabled={isReadOnly}
          value={circular.currentModel ?? ''}
          onChange={(event) => setContent({ ...circular, currentModel: event.currentTarget.value || null })}
        />
        <RowsEditor
          id="archetypes"
          title={t('analyses.forms.archetypes')}
          help={t('analyses.forms.archetypesHelp')}
          rows={circular.archetypes}
          isReadOnly={isReadOnly}
          errorOf={errorOf('archetypes')}
          newRow={() => ({ archetype: 'product_life_extension' as const, status: 'opportunity' as const, note: null })}
          onChange={(rows) => setContent({ ...circular, archetypes: rows })}
          columns={[
            {
              key: 'archetype',
              label: t('analyses.forms.archetype'),
              kind: 'select',
              options: options(circularArchetypes, 'analyses.forms.archetypeNames'),
            },
            { key: 'status', label: t('analyses.forms.status'), kind: 'select', options: statusOptions },
            { key: 'note', label: t('analyses.forms.note'), kind: 'text' },
          ]}
        />
        <RowsEditor
          id="r-strategies"
          title={t('analyses.forms.rStrategies')}
          help={t('analyses.forms.rStrategiesHelp')}
          rows={circular.rStrategies}
          isReadOnly={isReadOnly}
          errorOf={errorOf('rStrategies')}
          newRow={() => ({ strategy: 'reduce' as const, status: 'opportunity' as const, note: null })}
          onChange={(rows) => setContent({ ...circular, rStrategies: rows })}
          columns={[
            {
              key: 'strategy',
              label: t('analyses.forms.strategy'),
              kind: 'select',
              options: options(rStrategies, 'analyses.forms.rNames'),
            },
            { key: 'status', label: t('analyses.forms.status'), kind: 'select', options: statusOptions },
            { key: 'note', label: t('analyses.forms.note'), kind: 'text' },
          ]}
        />
        <RowsEditor
          id="opportunities"
          title={t('analyses.forms.opportunities')}
          rows={circular.opportunities}
          isReadOnly={isReadOnly}
          errorOf={errorOf('opportunities')}
          newRow={() => ({ title: '', description: null })}
          onChange={(rows) => setContent({ ...circular, opportunities: rows })}
          columns={[
            { key: 'title', label: t('analyses.forms.opportunity'), kind: 'text', isRequired: true },
            { key: 'description', label: t('analyses.forms.note'), kind: 'text' },
          ]}
        />
      </>
    );
  } else if (analysis.kind === 'digital') {
    const digital = content as DigitalContent;
    body = (
      <>
        <RowsEditor
          id="systems"
          title={t('analyses.forms.systems')}
          rows={digital.systems}
          isReadOnly={isReadOnly}
          errorOf={errorOf('systems')}
          newRow={() => ({ name: '', category: 'erp' as const, note: null })}
          onChange={(rows) => setContent({ ...digital, systems: rows })}
          columns={[
            { key: 'name', label: t('analyses.forms.system'), kind: 'text', isRequired: true },
            {
              key: 'category',
              label: t('analyses.forms.category'),
              kind: 'select',
              options: options(digitalSystemCategories, 'analyses.forms.systemCategories'),
            },
            { key: 'note', label: t('analyses.forms.note'), kind: 'text' },
          ]}
        />
        <RowsEditor
          id="data-collection"
          title={t('analyses.forms.dataCollection')}
          rows={digital.dataCollection}
          isReadOnly={isReadOnly}
          errorOf={errorOf('dataCollection')}
          newRow={() => ({ what: '', method: 'manual' as const, note: null })}
          onChange={(rows) => setContent({ ...digital, dataCollection: rows })}
          columns={[
            { key: 'what', label: t('analyses.forms.what'), kind: 'text', isRequired: true },
            {
              key: 'method',
              label: t('analyses.forms.method'),
              kind: 'select',
              options: options(dataCollectionMethods, 'analyses.forms.methods'),
            },
            { key: 'note', label: t('analyses.forms.note'), kind: 'text' },
          ]}
        />
        <RowsEditor
          id="gaps"
          title={t('analyses.forms.gaps')}
          help={t('analyses.forms.gapsHelp')}
          rows={digital.gaps}
          isReadOnly={isReadOnly}
          errorOf={errorOf('gaps')}
          newRow={() => ({ title: '', description: null, priority: 'medium' as const })}
          onChange={(rows) => setContent({ ...digital, gaps: rows })}
          columns={[
            { key: 'title', label: t('analyses.forms.gap'), kind: 'text', isRequired: true },
            {
              key: 'priority',
              label: t('analyses.forms.priority'),
              kind: 'select',
              options: options(gapPriorities, 'analyses.forms.priorities'),
            },
            { key: 'description', label: t('analyses.forms.note'), kind: 'text' },
          ]}
        />
      </>
    );
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
