import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  circularArchetypes,
  circularStatuses,
  rStrategies,
  type CircularBusinessModelContent,
} from '../../../../contracts/analyses';
import { RowsEditor } from './rows-editor';
import { useCodeOptions, type StructuredFieldsProps } from './structured-fields';

/** A circular business model analysis: today's model, the archetypes and R strategies, the opportunities. */
export function CircularBusinessModelFields({
  content,
  onChange,
  isReadOnly,
  errorOf,
}: StructuredFieldsProps<CircularBusinessModelContent>) {
  const { t } = useTranslation();
  const options = useCodeOptions();
  const statusOptions = options(circularStatuses, 'analyses.forms.statuses');
  return (
    <>
      <Textarea
        label={t('analyses.forms.currentModel')}
        description={t('analyses.forms.currentModelHelp')}
        autosize
        minRows={2}
        disabled={isReadOnly}
        value={content.currentModel ?? ''}
        onChange={(event) => onChange({ ...content, currentModel: event.currentTarget.value || null })}
      />
      <RowsEditor
        id="archetypes"
        title={t('analyses.forms.archetypes')}
        help={t('analyses.forms.archetypesHelp')}
        rows={content.archetypes}
        isReadOnly={isReadOnly}
        errorOf={errorOf('archetypes')}
        newRow={() => ({ archetype: 'product_life_extension' as const, status: 'opportunity' as const, note: null })}
        onChange={(rows) => onChange({ ...content, archetypes: rows })}
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
        rows={content.rStrategies}
        isReadOnly={isReadOnly}
        errorOf={errorOf('rStrategies')}
        newRow={() => ({ strategy: 'reduce' as const, status: 'opportunity' as const, note: null })}
        onChange={(rows) => onChange({ ...content, rStrategies: rows })}
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
        rows={content.opportunities}
        isReadOnly={isReadOnly}
        errorOf={errorOf('opportunities')}
        newRow={() => ({ title: '', description: null })}
        onChange={(rows) => onChange({ ...content, opportunities: rows })}
        columns={[
          { key: 'title', label: t('analyses.forms.opportunity'), kind: 'text', isRequired: true },
          { key: 'description', label: t('analyses.forms.note'), kind: 'text' },
        ]}
      />
    </>
  );
}
