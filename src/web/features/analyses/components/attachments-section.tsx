import { ActionIcon, Anchor, Button, Card, FileButton, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { analysisLimits, type Analysis } from '../../../../contracts/analyses';
import { downloadFile } from '../../../components/download';
import { ApiRequestError } from '../../../components/api-client';
import { errorMessage, fieldErrorMessage } from '../../../components/error-message';
import { formatDateTime, formatNumber } from '../../../components/format';
import { fileToBase64, useDeleteAttachment, useUploadAttachment } from '../api';

const megabytes = analysisLimits.attachmentMaxBytes / (1024 * 1024);

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/** Files kept with the analysis (invoices, meter exports, photos): the company may add its own. */
export function AttachmentsSection({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(analysis.id);
  const remove = useDeleteAttachment(analysis.id);
  const isFull = analysis.attachments.length >= analysisLimits.attachmentsPerAnalysis;

  async function handleFile(file: File | null) {
    if (!file) return;
    if (file.size > analysisLimits.attachmentMaxBytes) {
      notifications.show({ color: 'red', message: t('analyses.attachments.tooLarge', { megabytes }) });
      return;
    }
    try {
      await upload.mutateAsync({
        filename: file.name,
        ...(file.type && { contentType: file.type }),
        contentBase64: await fileToBase64(file),
      });
      notifications.show({ color: 'teal', message: t('analyses.attachments.uploaded', { name: file.name }) });
    } catch (failure) {
      // A refused file name (decision 033) is said as such, not as a general "check the input".
      const fieldError = failure instanceof ApiRequestError ? failure.fieldErrors[0] : undefined;
      notifications.show({
        color: 'red',
        message: fieldError ? fieldErrorMessage(t, fieldError) : errorMessage(t, failure),
      });
    }
  }

  async function download(id: string, filename: string) {
    try {
      await downloadFile(`/api/analysis-attachments/${encodeURIComponent(id)}`, filename);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="analysis-attachments">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <div>
          <Title order={2} id="analysis-attachments">
            {t('analyses.attachments.title')}
          </Title>
          <Text size="sm" c="dark.6">
            {t('analyses.attachments.limits', { megabytes, count: analysisLimits.attachmentsPerAnalysis })}
          </Text>
        </div>
        {analysis.abilities.canUploadAttachments ? (
          <FileButton onChange={(file) => void handleFile(file)}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={upload.isPending}
                disabled={isFull}
              >
                {t('analyses.attachments.upload')}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analyses.attachments.file')}</Table.Th>
              <Table.Th ta="right">{t('analyses.attachments.size')}</Table.Th>
              <Table.Th>{t('analyses.attachments.uploadedBy')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.attachments.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dark.6">
                    {t('analyses.attachments.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {analysis.attachments.map((attachment) => (
              <Table.Tr key={attachment.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => void download(attachment.id, attachment.filename)}
                  >
                    {attachment.filename}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatSize(attachment.sizeBytes)}</Table.Td>
                <Table.Td>
                  {[attachment.uploadedByName, formatDateTime(attachment.uploadedAt)].filter(Boolean).join(', ')}
                </Table.Td>
                <Table.Td>
                  {attachment.canDelete ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('analyses.attachments.delete', { name: attachment.filename })}
                      loading={remove.isPending && remove.variables === attachment.id}
                      onClick={() =>
                        void remove.mutateAsync(attachment.id).catch((failure: unknown) => {
                          notifications.show({ color: 'red', message: errorMessage(t, failure) });
                        })
                      }
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
