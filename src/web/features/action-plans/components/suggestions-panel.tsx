import { Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionList, ActionSuggestion } from '../../../../contracts/action-plans';
import type { LocalisedText } from '../../../../contracts/content-fields';
import { ErrorAlert } from '../../../components/error-alert';
import { useAdoptSuggestion, useDismissSuggestion, useRestoreSuggestion, useSuggestions } from '../api';
import { ActionFormModal } from './action-form-modal';

function useLanguage(): 'sv' | 'en' {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
}

/** Why a measure is suggested, in a sentence ("Dimensionen Energikartläggning är på steg 2"). */
function ReasonText({ suggestion }: { suggestion: ActionSuggestion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { reason } = suggestion;
  const text =
    reason.kind === 'weak_dimension'
      ? t('actionPlans.suggestions.reasonWeak', {
          dimension: reason.dimensionName?.[language] ?? reason.dimensionKey,
          step: reason.dimensionStep ?? '–',
          target: reason.targetStep,
        })
      : t('actionPlans.suggestions.reasonNext', { step: reason.step, target: reason.targetStep });
  return (
    <Text size="sm" c="dark.6">
      {text}
    </Text>
  );
}

/** The catalogue's suggestions after the latest coach measurements, to adopt, adopt with edits or dismiss. */
export function SuggestionsPanel({
  companyId,
  owners,
  carriers,
}: {
  companyId: string;
  owners: ActionList['owners'];
  carriers: ActionList['carriers'];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const suggestions = useSuggestions(companyId, true);
  const adopt = useAdoptSuggestion(companyId);
  const dismiss = useDismissSuggestion(companyId);
  const restore = useRestoreSuggestion(companyId);
  const [editing, setEditing] = useState<ActionSuggestion | null>(null);
  const [dismissing, setDismissing] = useState<ActionSuggestion | null>(null);
  const [reason, setReason] = useState('');
  const local = (text: LocalisedText) => text[language];

  async function adoptAsIs(suggestion: ActionSuggestion) {
    await adopt.mutateAsync({ key: suggestion.catalogueKey, body: { locale: language } });
    notifications.show({ color: 'teal', message: t('actionPlans.suggestions.adopted') });
  }

  const data = suggestions.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="action-suggestions">
      <Title order={2} id="action-suggestions" mb="xs">
        {t('actionPlans.suggestions.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="md">
        {t('actionPlans.suggestions.description')}
      </Text>
      {suggestions.error ? <ErrorAlert error={suggestions.error} /> : null}
      {adopt.error ? <ErrorAlert error={adopt.error} /> : null}
      {data && data.measuredAreas.length === 0 ? <Text>{t('actionPlans.suggestions.noMeasurement')}</Text> : null}
      {data && data.measuredAreas.length > 0 && data.items.length === 0 ? (
        <Text>{t('actionPlans.suggestions.none')}</Text>
      ) : null}
      <Stack gap="sm">
        {data?.items.map((suggestion) => (
          <Card key={suggestion.catalogueKey} withBorder padding="md" component="article">
            <Text size="xs" tt="uppercase" fw={700} c="brand.9">
              {t(`areas.${suggestion.area}`)}
            </Text>
            <Title order={3} fz="md" mt={2}>
              {local(suggestion.title)}
            </Title>
            <ReasonText suggestion={suggestion} />
            <Text size="sm" mt={4} lineClamp={3}>
              {local(suggestion.description)}
            </Text>
            <Group gap="xs" mt="sm">
              <Button size="xs" loading={adopt.isPending} onClick={() => void adoptAsIs(suggestion)}>
                {t('actionPlans.suggestions.adopt')}
              </Button>
              <Button size="xs" variant="light" onClick={() => setEditing(suggestion)}>
                {t('actionPlans.suggestions.adoptEdit')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => setDismissing(suggestion)}>
                {t('actionPlans.suggestions.dismiss')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      {data && data.dismissed.length > 0 ? (
        <Stack gap={4} mt="md">
          <Title order={3} fz="sm">
            {t('actionPlans.suggestions.dismissedTitle')}
          </Title>
          {data.dismissed.map((item) => (
            <Group key={item.catalogueKey} gap="xs" justify="space-between">
              <Text size="sm">
                {local(item.title)}
                {item.reason ? ` – ${item.reason}` : ''}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => restore.mutate(item.catalogueKey)}>
                {t('actionPlans.suggestions.restore')}
              </Button>
            </Group>
          ))}
        </Stack>
      ) : null}
      {editing ? (
        <ActionFormModal
          companyId={companyId}
          owners={owners}
          carriers={carriers}
          title={t('actionPlans.suggestions.adoptEditTitle')}
          initial={{
            area: editing.area,
            title: local(editing.title),
            description: local(editing.description),
            targetStep: String(editing.reason.targetStep),
          }}
          onSubmitCreate={({ area: _area, ...body }) =>
            adopt.mutateAsync({ key: editing.catalogueKey, body: { locale: language, ...body } })
          }
          onClose={() => setEditing(null)}
        />
      ) : null}
      {dismissing ? (
        <Modal
          opened
          onClose={() => setDismissing(null)}
          closeButtonProps={{ 'aria-label': t('common.close') }}
          title={t('actionPlans.suggestions.dismissTitle')}
        >
          <Stack>
            <Text fw={600}>{local(dismissing.title)}</Text>
            <TextInput
              label={t('actionPlans.suggestions.dismissReason')}
              value={reason}
              maxLength={1000}
              onChange={(event) => setReason(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDismissing(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                loading={dismiss.isPending}
                onClick={() =>
                  void dismiss.mutateAsync({ key: dismissing.catalogueKey, reason: reason.trim() || null }).then(() => {
                    setDismissing(null);
                    setReason('');
                  })
                }
              >
                {t('actionPlans.suggestions.dismiss')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Card>
  );
}
