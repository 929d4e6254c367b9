import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportFile, ImportPreview, ImportResult } from '../../../../contracts/company-import';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { formatNumber } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { ToneBadge } from '../../../components/tone-badge';
import { useOrganisations } from '../../../components/people-and-organisations';
import { useCommitImport, usePreviewImport } from '../api';
import { ImportRowsTable } from '../components/import-rows-table';
import { MappingEditor } from '../components/mapping-editor';
import { type ImportMapping } from '../mapping';
import { fileProblem, readFileAsBase64, type FileProblem } from '../read-file';

type Upload = Pick<ImportFile, 'fileName' | 'contentBase64'>;

const serverFileProblems = ['invalid_base64', 'too_large', 'unreadable', 'empty', 'too_many_rows'] as const;
type ServerFileProblem = (typeof serverFileProblems)[number];

/** The server's reason for refusing the file itself (not a row), if that is what it said. */
function serverFileProblem(error: unknown): { code: ServerFileProblem } | { message: string } | null {
  if (!isApiError(error, 'invalid_input')) return null;
  const found = error.fieldErrors.find((field) => field.field === 'contentBase64' || field.field === 'fileName');
  if (!found) return null;
  return (serverFileProblems as readonly string[]).includes(found.code)
    ? { code: found.code as ServerFileProblem }
    : { message: found.message };
}

function Counts({ counts }: { counts: ImportPreview['counts'] }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" aria-label={t('companyImport.counts.label')} role="group">
      <ToneBadge tone="success">{t('companyImport.counts.create', { count: counts.create })}</ToneBadge>
      <ToneBadge tone="info">{t('companyImport.counts.update', { count: counts.update })}</ToneBadge>
      <ToneBadge tone="neutral">{t('companyImport.counts.unchanged', { count: counts.unchanged })}</ToneBadge>
      <ToneBadge tone="danger">{t('companyImport.counts.error', { count: counts.error })}</ToneBadge>
    </Group>
  );
}

/** Imports companies from a spreadsheet: choose, preview with every row's fate, then import. */
export function CompanyImportPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  // Someone outside the partner organisations (project management) says whose companies these are.
  const withOrganisation = me.organisationId === null;
  const organisations = useOrganisations(withOrganisation);
  const preview = usePreviewImport();
  const commit = useCommitImport();

  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | 'unreadable' | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [organisationError, setOrganisationError] = useState<string | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [result, setResult] = useState<ImportResult | null>(null);

  const data = preview.data;
  const owner = withOrganisation && organisationId ? { organisationId } : {};

  function reset() {
    setFile(null);
    setUpload(null);
    setMapping({});
    setResult(null);
    preview.reset();
    commit.reset();
  }

  async function runPreview(source: Upload, nextMapping?: ImportMapping) {
    const answer = await preview.mutateAsync({ ...source, ...owner, ...(nextMapping ? { mapping: nextMapping } : {}) });
    setMapping(answer.mapping);
  }

  async function handleUpload() {
    if (!file) {
      setProblem('empty');
      return;
    }
    if (withOrganisation && !organisationId) {
      setOrganisationError(t('companyImport.file.chooseOrganisation'));
      return;
    }
    const found = fileProblem(file);
    setProblem(found);
    if (found) return;
    let source: Upload;
    try {
      source = { fileName: file.name, contentBase64: await readFileAsBase64(file) };
    } catch {
      setProblem('unreadable');
      return;
    }
    setUpload(source);
    setResult(null);
    try {
      await runPreview(source);
    } catch {
      // Shown from the mutation's error.
    }
  }

  async function handleMappingChange(next: ImportMapping) {
    setMapping(next);
    if (!upload) return;
    try {
      await runPreview(upload, next);
    } catch {
      // Shown from the mutation's error.
    }
  }

  async function handleCommit(mode: 'valid_rows' | 'all_or_nothing') {
    if (!upload) return;
    try {
      setResult(await commit.mutateAsync({ ...upload, ...owner, mapping, mode }));
    } catch {
      // Shown from the mutation's error.
    }
  }

  const validRows = data ? data.counts.create + data.counts.update : 0;
  const refusedFile = serverFileProblem(preview.error);
  const fileError = problem
    ? t(`companyImport.file.problem.${problem}`)
    : refusedFile
      ? 'code' in refusedFile
        ? t(`companyImport.file.serverProblem.${refusedFile.code}`)
        : refusedFile.message
      : null;
  const hasErrors = (data?.counts.error ?? 0) > 0;

  return (
    <>
      <Anchor
        component={Link}
        to="/companies"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('companies.backToList')}
      </Anchor>
      <PageHeader title={t('companyImport.title')} description={t('companyImport.description')} />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="import-file">
          <Title order={2} id="import-file" fz="h3" mb="md">
            {t('companyImport.file.title')}
          </Title>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <FileInput
                label={t('companyImport.file.label')}
                description={t('companyImport.file.hint')}
                placeholder={t('companyImport.file.placeholder')}
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                required
                clearable
                value={file}
                onChange={(chosen) => {
                  reset();
                  setFile(chosen);
                  setProblem(chosen ? fileProblem(chosen) : null);
                }}
                error={fileError}
              />
              {withOrganisation ? (
                <Select
                  label={t('companyImport.file.organisation')}
                  description={t('companyImport.file.organisationHint')}
                  placeholder={t('companies.form.chooseOrganisation')}
                  required
                  searchable
                  data={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
                  value={organisationId}
                  onChange={(value) => {
                    setOrganisationId(value);
                    setOrganisationError(null);
                    setUpload(null);
                    preview.reset();
                  }}
                  error={organisationError}
                />
              ) : null}
            </SimpleGrid>
            <div>
              <Button
                onClick={() => void handleUpload()}
                loading={preview.isPending && !upload}
                disabled={commit.isPending}
              >
                {t('companyImport.file.preview')}
              </Button>
            </div>
            {refusedFile ? null : <ErrorAlert error={preview.error} />}
          </Stack>
        </Paper>

        {data && upload ? (
          <>
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="import-mapping">
              <Title order={2} id="import-mapping" fz="h3" mb={4}>
                {t('companyImport.mapping.title')}
              </Title>
              <Text size="sm" c="dark.4" mb="md">
                {t('companyImport.mapping.text', { count: data.columns.length })}
              </Text>
              <MappingEditor
                columns={data.columns}
                mapping={mapping}
                onChange={(next) => void handleMappingChange(next)}
                disabled={preview.isPending || commit.isPending}
              />
              {preview.isPending ? (
                <Text size="sm" c="dark.4" mt="sm" role="status">
                  {t('companyImport.mapping.updating')}
                </Text>
              ) : null}
            </Paper>

            <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="import-preview">
              <Title order={2} id="import-preview" fz="h3" mb="sm">
                {t('companyImport.preview.title', { count: data.counts.total })}
              </Title>
              <Stack gap="md">
                <Counts counts={data.counts} />
                <ImportRowsTable rows={data.rows} />
              </Stack>
            </Paper>

            <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="import-commit">
              <Title order={2} id="import-commit" fz="h3" mb="sm">
                {t('companyImport.commit.title')}
              </Title>
              <Stack gap="md">
                {commit.isPending ? (
                  <Stack gap={6} role="status" aria-live="polite">
                    <Progress
                      value={100}
                      striped
                      animated
                      size="lg"
                      aria-label={t('companyImport.commit.running', { count: validRows })}
                    />
                    <Text size="sm">{t('companyImport.commit.running', { count: validRows })}</Text>
                  </Stack>
                ) : null}
                <ErrorAlert error={commit.error} />
                {result ? (
                  <Alert
                    role="status"
                    color={result.isImported ? 'teal' : 'orange'}
                    variant="light"
                    icon={<IconCircleCheck size={20} aria-hidden />}
                    title={
                      result.isImported ? t('companyImport.result.doneTitle') : t('companyImport.result.notDoneTitle')
                    }
                  >
                    <Stack gap="sm">
                      <Text size="sm">
                        {result.isImported
                          ? t('companyImport.result.done', {
                              created: formatNumber(result.counts.create),
                              updated: formatNumber(result.counts.update),
                              unchanged: formatNumber(result.counts.unchanged),
                              skipped: formatNumber(result.counts.error),
                            })
                          : t('companyImport.result.notDone', { count: result.counts.error })}
                      </Text>
                      <Group gap="sm">
                        <Button component={Link} to="/companies" size="xs">
                          {t('companyImport.result.toList')}
                        </Button>
                        <Button variant="default" size="xs" onClick={reset}>
                          {t('companyImport.result.another')}
                        </Button>
                      </Group>
                    </Stack>
                  </Alert>
                ) : (
                  <>
                    <Group gap="sm" wrap="wrap">
                      <Button
                        onClick={() => void handleCommit('valid_rows')}
                        disabled={validRows === 0 || commit.isPending || preview.isPending}
                      >
                        {t('companyImport.commit.validRows', { count: validRows })}
                      </Button>
                      <Button
                        variant="default"
                        onClick={() => void handleCommit('all_or_nothing')}
                        disabled={hasErrors || validRows === 0 || commit.isPending || preview.isPending}
                        aria-describedby={hasErrors ? 'all-or-nothing-why' : undefined}
                      >
                        {t('companyImport.commit.allOrNothing')}
                      </Button>
                    </Group>
                    <Text size="sm" c="dark.4" id="all-or-nothing-why">
                      {hasErrors
                        ? t('companyImport.commit.allOrNothingDisabled', { count: data.counts.error })
                        : t('companyImport.commit.allOrNothingHint')}
                    </Text>
                  </>
                )}
              </Stack>
            </Paper>
          </>
        ) : null}
      </Stack>
    </>
  );
}
