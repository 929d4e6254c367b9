import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useSetSignedInUser } from '../../../components/session';
import { useDisableSecondFactor, useRegenerateRecoveryCodes, useSecondFactorStatus } from '../api';
import { ConfirmWithCodeForm } from '../components/confirm-with-code-form';
import { EnrolmentSteps } from '../components/enrolment-steps';
import { PageLoaderInline } from '../components/page-loader-inline';
import { RecoveryCodesPanel } from '../components/recovery-codes-panel';

type Mode = 'idle' | 'enrol' | 'newCodes' | 'turnOff';

/** /account/security: the signed-in user's own two-step verification, on or off, and recovery codes. */
export function SecurityPage() {
  const { t } = useTranslation();
  const status = useSecondFactorStatus();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableSecondFactor();
  const setSignedInUser = useSetSignedInUser();
  const [mode, setMode] = useState<Mode>('idle');
  const [newCodes, setNewCodes] = useState<string[]>();
  const [isTurnedOff, setTurnedOff] = useState(false);

  function show(next: Mode) {
    regenerate.reset();
    disable.reset();
    setTurnedOff(false);
    setMode(next);
  }

  return (
    <>
      <PageHeader title={t('auth.secondFactor.security')} />
      <Card withBorder padding="lg" maw={720}>
        {status.isPending ? (
          <PageLoaderInline />
        ) : status.error ? (
          <ErrorAlert error={status.error} />
        ) : (
          <Stack gap="md">
            <Group gap="sm">
              <Title order={2} fz="lg">
                {t('auth.secondFactor.title')}
              </Title>
              <Badge color={status.data.isEnabled ? 'green' : 'gray'} variant="light">
                {t(status.data.isEnabled ? 'auth.secondFactor.on' : 'auth.secondFactor.off')}
              </Badge>
            </Group>
            <Text>
              {status.data.isEnabled && status.data.enabledAt
                ? t('auth.secondFactor.isOn', { date: formatDate(status.data.enabledAt) })
                : t('auth.secondFactor.isOff')}
            </Text>
            {status.data.isRequired ? <Text c="gray.7">{t('auth.secondFactor.required')}</Text> : null}
            {status.data.isEnabled ? (
              <Text c="gray.7">{t('auth.secondFactor.codesLeft', { count: status.data.recoveryCodesLeft })}</Text>
            ) : null}
            {isTurnedOff ? (
              <Alert role="status" color="green" variant="light">
                {t('auth.secondFactor.turnedOff')}
              </Alert>
            ) : null}

            {newCodes ? (
              <RecoveryCodesPanel codes={newCodes}>
                <Group>
                  <Button onClick={() => setNewCodes(undefined)}>{t('auth.secondFactor.continue')}</Button>
                </Group>
              </RecoveryCodesPanel>
            ) : mode === 'enrol' ? (
              <Stack gap="md" maw={420}>
                <EnrolmentSteps
                  asksPassword
                  onEnabled={(result) => {
                    setSignedInUser(result.me);
                    setNewCodes(result.recoveryCodes);
                    setMode('idle');
                  }}
                />
                <Group>
                  <Button variant="default" onClick={() => show('idle')}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            ) : mode === 'newCodes' ? (
              <ConfirmWithCodeForm
                intro={t('auth.secondFactor.newCodesText')}
                submitLabel={t('auth.secondFactor.newCodes')}
                isPending={regenerate.isPending}
                error={regenerate.error}
                onSubmit={async (proof) => {
                  if (!('code' in proof)) return;
                  setNewCodes((await regenerate.mutateAsync(proof)).recoveryCodes);
                  setMode('idle');
                }}
                onCancel={() => show('idle')}
              />
            ) : mode === 'turnOff' ? (
              <ConfirmWithCodeForm
                intro={t('auth.secondFactor.turnOffText')}
                submitLabel={t('auth.secondFactor.turnOff')}
                allowsPassword
                isPending={disable.isPending}
                error={disable.error}
                onSubmit={async (proof) => {
                  await disable.mutateAsync(proof);
                  setMode('idle');
                  setTurnedOff(true);
                }}
                onCancel={() => show('idle')}
              />
            ) : status.data.isEnabled ? (
              <Group gap="sm">
                <Button variant="default" onClick={() => show('newCodes')}>
                  {t('auth.secondFactor.newCodes')}
                </Button>
                {status.data.isRequired ? null : (
                  <Button variant="default" color="red" onClick={() => show('turnOff')}>
                    {t('auth.secondFactor.turnOff')}
                  </Button>
                )}
              </Group>
            ) : (
              <Group>
                <Button onClick={() => show('enrol')}>{t('auth.secondFactor.enrolTitle')}</Button>
              </Group>
            )}
          </Stack>
        )}
      </Card>
    </>
  );
}
