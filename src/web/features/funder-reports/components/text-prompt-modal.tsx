import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';

type Props = {
  title: string;
  label: string;
  hint?: string;
  submitLabel: string;
  isMultiline?: boolean;
  isPending: boolean;
  error: unknown;
  /** Resolves when done (the modal closes); a failure stays in `error`. */
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
};

/** A dialog that asks for one required text (a report's name, the reason for a new version). */
export function TextPromptModal({ title, label, hint, submitLabel, isMultiline, isPending, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const field = {
    label,
    required: true,
    value: text,
    'data-autofocus': true,
    onChange: (event: { currentTarget: { value: string } }) => setText(event.currentTarget.value),
  };
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(text).then(onClose, () => undefined);
        }}
      >
        <Stack>
          {error ? <ErrorAlert error={error} /> : null}
          {isMultiline ? <Textarea {...field} autosize minRows={3} /> : <TextInput {...field} />}
          {hint ? (
            <Text size="sm" c="dark.6">
              {hint}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending} disabled={!text.trim()}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
