import { Alert, Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { formatPeriod } from '../../../components/format';
import { usePageTitle } from '../../../components/use-page-title';
import { useSignUpLink } from '../api';
import { PublicShell } from '../components/public-shell';

/**
 * The page of a public sign-up's e-mailed link (decision 046): confirm or cancel. It acts only
 * when the person presses the button, so a mail scanner that opens the link changes nothing.
 */
export function SignUpLinkPage({ action }: { action: 'confirm' | 'cancel' }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useSignUpLink(action);
  usePageTitle(t(`programme.link.${action}.title`));
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (link.isSuccess || link.isError) outcomeRef.current?.focus();
  }, [link.isSuccess, link.isError]);
  const outcome = link.data;
  return (
    <PublicShell>
      <Container size="sm" px="md" py="xl">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <Title order={1} fz={28} c="brand.9">
              {t(`programme.link.${action}.title`)}
            </Title>
            {outcome ? (
              <Alert
                ref={outcomeRef}
                tabIndex={-1}
                role="status"
                color="teal"
                variant="light"
                title={outcome.activity.title}
              >
                <Stack gap={4}>
                  <Text size="sm">{formatPeriod(outcome.activity.startsAt, outcome.activity.endsAt)}</Text>
                  <Text>
                    {t(`programme.link.status.${outcome.status}`, { position: outcome.waitingListPosition ?? 0 })}
                  </Text>
                </Stack>
              </Alert>
            ) : (
              <>
                <Text>{t(`programme.link.${action}.text`)}</Text>
                {link.error ? (
                  <div ref={outcomeRef} tabIndex={-1}>
                    <ErrorAlert
                      error={link.error}
                      message={isApiError(link.error, 'not_found') ? t('programme.link.expired') : undefined}
                    />
                  </div>
                ) : null}
                {token ? (
                  <Button
                    onClick={() => link.mutate(token)}
                    loading={link.isPending}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t(`programme.link.${action}.button`)}
                  </Button>
                ) : (
                  <Text role="alert">{t('programme.link.missing')}</Text>
                )}
              </>
            )}
            <Anchor component={Link} to="/programmet/aktiviteter">
              {t('programme.link.toActivities')}
            </Anchor>
          </Stack>
        </Paper>
      </Container>
    </PublicShell>
  );
}
