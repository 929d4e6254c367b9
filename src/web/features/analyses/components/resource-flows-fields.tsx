import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { wasteTreatments, type ResourceFlowsContent } from '../../../../contracts/analyses';
import { RowsEditor } from './rows-editor';
import { useCodeOptions, type StructuredFieldsProps } from './structured-fields';

/** A resource and waste flow analysis: the materials that come in, the waste that goes out, notes. */
export function ResourceFlowsFields({
  content,
  onChange,
  isReadOnly,
  errorOf,
}: StructuredFieldsProps<ResourceFlowsContent>) {
  const { t } = useTranslation();
  const options = useCodeOptions();
  // A material and a waste stream both start with what it is and how many tonnes a year.
  const namedTonnes = [
    { key: 'name', label: t('analyses.forms.name'), kind: 'text', isRequired: true },
    { key: 'tonnesPerYear', label: t('analyses.forms.tonnesPerYear'), kind: 'number', suffix: ' t', isRequired: true },
  ] as const;
  return (
    <>
      <RowsEditor
        id="material-inputs"
        title={t('analyses.forms.materialInputs')}
        help={t('analyses.forms.materialInputsHelp')}
        rows={content.materialInputs}
        isReadOnly={isReadOnly}
        errorOf={errorOf('materialInputs')}
        newRow={() => ({ name: '', tonnesPerYear: 0, costSek: null, circularSharePercent: null })}
        onChange={(rows) => onChange({ ...content, materialInputs: rows })}
        columns={[
          ...namedTonnes,
          { key: 'costSek', label: t('analyses.forms.costSek'), kind: 'number', suffix: ' kr' },
          { key: 'circularSharePercent', label: t('analyses.forms.circularShare'), kind: 'number', suffix: ' %' },
        ]}
      />
      <RowsEditor
        id="waste-streams"
        title={t('analyses.forms.wasteStreams')}
        help={t('analyses.forms.wasteStreamsHelp')}
        rows={content.wasteStreams}
        isReadOnly={isReadOnly}
        errorOf={errorOf('wasteStreams')}
        newRow={() => ({ name: '', tonnesPerYear: 0, treatment: 'recycling' as const, costSek: null })}
        onChange={(rows) => onChange({ ...content, wasteStreams: rows })}
        columns={[
          ...namedTonnes,
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
        value={content.notes ?? ''}
        onChange={(event) => onChange({ ...content, notes: event.currentTarget.value || null })}
      />
    </>
  );
}
