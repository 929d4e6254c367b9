import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFile, ImportResult } from '../../../../contracts/company-import';
import { useOrganisations } from '../../../components/people-and-organisations';
import { useSignedInUser } from '../../../components/session';
import { useCommitImport, usePreviewImport } from '../api';
import { type ImportMapping } from '../mapping';
import { fileProblem, readFileAsBase64, type FileProblem } from '../read-file';

type Upload = Pick<ImportFile, 'fileName' | 'contentBase64'>;
export type ImportMode = 'valid_rows' | 'all_or_nothing';

/**
 * The import's state from one step to the next: the chosen file, whose companies they are, the
 * file as read (sent again with each new mapping, since the server keeps nothing between calls),
 * the mapping, and the result.
 */
export function useCompanyImport() {
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

  const owner = withOrganisation && organisationId ? { organisationId } : {};

  function reset() {
    setFile(null);
    setUpload(null);
    setMapping({});
    setResult(null);
    preview.reset();
    commit.reset();
  }

  function chooseFile(chosen: File | null) {
    reset();
    setFile(chosen);
    setProblem(chosen ? fileProblem(chosen) : null);
  }

  function chooseOrganisation(value: string | null) {
    setOrganisationId(value);
    setOrganisationError(null);
    setUpload(null);
    preview.reset();
  }

  async function runPreview(source: Upload, nextMapping?: ImportMapping) {
    const answer = await preview.mutateAsync({ ...source, ...owner, ...(nextMapping ? { mapping: nextMapping } : {}) });
    setMapping(answer.mapping);
  }

  async function readAndPreview() {
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

  async function changeMapping(next: ImportMapping) {
    setMapping(next);
    if (!upload) return;
    try {
      await runPreview(upload, next);
    } catch {
      // Shown from the mutation's error.
    }
  }

  async function runCommit(mode: ImportMode) {
    if (!upload) return;
    try {
      setResult(await commit.mutateAsync({ ...upload, ...owner, mapping, mode }));
    } catch {
      // Shown from the mutation's error.
    }
  }

  return {
    withOrganisation,
    organisations: organisations.data?.items ?? [],
    file,
    problem,
    organisationId,
    organisationError,
    isRead: upload !== null,
    mapping,
    result,
    preview,
    commit,
    reset,
    chooseFile,
    chooseOrganisation,
    readAndPreview,
    changeMapping,
    runCommit,
  };
}
