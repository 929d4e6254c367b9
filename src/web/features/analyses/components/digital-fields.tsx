import { useTranslation } from 'react-i18next';
import {
  dataCollectionMethods,
  digitalSystemCategories,
  gapPriorities,
  type DigitalContent,
} from '../../../../contracts/analyses';
import { RowsEditor } from './rows-editor';
import { useCodeOptions, type StructuredFieldsProps } from './structured-fields';

/** A digital analysis: the systems in use, how data is collected, and the gaps to close. */
export function DigitalFields({ content, onChange, isReadOnly, errorOf }: StructuredFieldsProps<DigitalContent>) {
  const { t } = useTranslation();
  const options = useCodeOptions();
  return (
    <>
      <RowsEditor
        id="systems"
        title={t('analyses.forms.systems')}
        rows={content.systems}
        isReadOnly={isReadOnly}
        errorOf={errorOf('systems')}
        newRow={() => ({ name: '', category: 'erp' as const, note: null })}
        onChange={(rows) => onChange({ ...content, systems: rows })}
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
        rows={content.dataCollection}
        isReadOnly={isReadOnly}
        errorOf={errorOf('dataCollection')}
        newRow={() => ({ what: '', method: 'manual' as const, note: null })}
        onChange={(rows) => onChange({ ...content, dataCollection: rows })}
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
        rows={content.gaps}
        isReadOnly={isReadOnly}
        errorOf={errorOf('gaps')}
        newRow={() => ({ title: '', description: null, priority: 'medium' as const })}
        onChange={(rows) => onChange({ ...content, gaps: rows })}
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
