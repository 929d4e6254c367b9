import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import { createUndertakingBodySchema } from '../../../../contracts/reference';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { useDebouncedSearch } from '../../../components/use-debounced-search';
import { useCreateUndertaking, useSetCompanyUndertaking, useUndertakings } from '../api';
import { CompanyConflictAlert, useCompanyConflict } from './company-conflict';

type Choice = { id: string; name: string };

type UndertakingModalProps = { company: Company; onClose: () => void };

/**
 * Puts the company in a koncern (a group of linked companies that counts as one undertaking for
 * de minimis), creates a new koncern, or takes the company out of its koncern. Sends the version
 * it read; a 409 shows the same notice as the facts form.
 */
export function UndertakingModal({ company, onClose }: UndertakingModalProps) {
  const { t } = useTranslation();
  const [base, setBase] = useState(company);
  const [chosen, setChosen] = useState<Choice | null>(
    company.undertakingId ? { id: company.undertakingId, name: company.undertakingName ?? '' } : null,
  );
  const { search, setSearch, debouncedSearch } = useDebouncedSearch();
  // Once a koncern is chosen the box shows its name; the list then offers all koncerner again.
  const query = chosen && debouncedSearch === chosen.name ? '' : debouncedSearch;
  const undertakings = useUndertakings(query);
  const [newName, setNewName] = useState<string | null>(null);
  const [newNameError, setNewNameError] = useState<string | null>(null);
  const [createdName, setCreatedName] = useState<string | null>(null);
  const create = useCreateUndertaking();
  const save = useSetCompanyUndertaking();
  const { fresh, reloadError, handleConflict, clearConflict } = useCompanyConflict(company.id);

  const items = undertakings.data?.items ?? [];
  const counts = new Map(items.map((item) => [item.id, item.companyCount]));
  const options = items.map((item) => ({ value: item.id, label: item.name }));
  // The chosen koncern keeps its label while the list is loading or does not hold it.
  if (chosen && !counts.has(chosen.id) && (search.trim() === '' || search === chosen.name)) {
    options.unshift({ value: chosen.id, label: chosen.name });
  }

  async function saveChoice(undertakingId: string | null) {
    if (undertakingId === base.undertakingId) {
      onClose();
      return;
    }
    try {
      const saved = await save.mutateAsync({ id: company.id, version: base.version, undertakingId });
      notifications.show({
        color: 'teal',
        message: saved.undertakingName
          ? t('companies.undertaking.saved', { name: company.name, undertaking: saved.undertakingName })
          : t('companies.undertaking.removed', { name: company.name }),
      });
      onClose();
    } catch (error) {
      await handleConflict(error);
    }
  }

  async function createAndChoose() {
    const parsed = createUndertakingBodySchema.safeParse({ name: newName ?? '' });
    if (!parsed.success) {
      setNewNameError(t('companies.undertaking.nameTooShort'));
      return;
    }
    try {
      const created = await create.mutateAsync(parsed.data.name);
      setChosen({ id: created.id, name: created.name });
      setSearch(created.name);
      setCreatedName(created.name);
      setNewName(null);
      setNewNameError(null);
    } catch {
      // Shown below the form from create.error.
    }
  }

  function takeTheirs() {
    if (!fresh) return;
    setChosen(fresh.undertakingId ? { id: fresh.undertakingId, name: fresh.undertakingName ?? '' } : null);
    setSearch(fresh.undertakingName ?? '');
    setBase(fresh);
    clearConflict();
    save.reset();
  }

  function keepMine() {
    if (!fresh) return;
    setBase(fresh);
    clearConflict();
    save.reset();
  }

  const none = t('companies.undertaking.none');
  const conflictChanges =
    fresh && fresh.undertakingId !== base.undertakingId
      ? [{ key: 'undertaking', label: t('companies.undertaking.label'), value: fresh.undertakingName ?? none }]
      : [];
  const saveError = save.error && !isApiError(save.error, 'conflict') ? save.error : null;

  return (
    <Modal opened onClose={onClose} title={t('companies.undertaking.title', { name: company.name })} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dark.6">
          {t('companies.undertaking.help')}
        </Text>
        <Select
          label={t('companies.undertaking.choose')}
          placeholder={t('companies.undertaking.searchPlaceholder')}
          searchable
          data-autofocus
          openOnFocus={false}
          data={options}
          value={chosen?.id ?? null}
          allowDeselect={false}
          onChange={(value, option) => setChosen(value && option ? { id: value, name: option.label } : null)}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={undertakings.isFetching ? t('common.loading') : t('companies.undertaking.nothingFound')}
          renderOption={({ option }) => {
            const count = counts.get(option.value);
            return (
              <Group justify="space-between" wrap="nowrap" w="100%" gap="md">
                <Text size="sm">{option.label}</Text>
                {count === undefined ? null : (
                  <Text size="xs" c="dark.4" style={{ whiteSpace: 'nowrap' }}>
                    {t('companies.undertaking.companyCount', { count })}
                  </Text>
                )}
              </Group>
            );
          }}
        />
        {undertakings.error ? <ErrorAlert error={undertakings.error} /> : null}

        {newName === null ? (
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setNewName(chosen && search === chosen.name ? '' : search.trim())}
            >
              {t('companies.undertaking.createOpen')}
            </Button>
          </div>
        ) : (
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('companies.undertaking.newName')}
              value={newName}
              error={newNameError}
              autoFocus
              onChange={(event) => {
                setNewName(event.currentTarget.value);
                setNewNameError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void createAndChoose();
                }
              }}
            />
            <Button variant="light" loading={create.isPending} onClick={() => void createAndChoose()}>
              {t('companies.undertaking.createSubmit')}
            </Button>
            <Button variant="default" onClick={() => setNewName(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        {create.error ? <ErrorAlert error={create.error} /> : null}
        {createdName && chosen?.name === createdName ? (
          <Text size="sm" c="teal.9" role="status">
            {t('companies.undertaking.created', { undertaking: createdName })}
          </Text>
        ) : null}

        {fresh ? (
          <CompanyConflictAlert changes={conflictChanges} onUseTheirs={takeTheirs} onKeepMine={keepMine} />
        ) : null}
        {reloadError ? <ErrorAlert error={reloadError} /> : null}
        {saveError ? <ErrorAlert error={saveError} /> : null}

        <Group justify="space-between" mt="sm">
          {base.undertakingId ? (
            <Button
              variant="subtle"
              color="red.8"
              disabled={fresh !== null}
              loading={save.isPending && save.variables?.undertakingId === null}
              onClick={() => {
                setChosen(null);
                setSearch('');
                void saveChoice(null);
              }}
            >
              {t('companies.undertaking.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={save.isPending && save.variables?.undertakingId !== null}
              disabled={fresh !== null}
              onClick={() => void saveChoice(chosen?.id ?? null)}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
