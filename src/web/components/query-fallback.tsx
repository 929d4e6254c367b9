import { Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';
import { ErrorAlert } from './error-alert';
import { StatusPage } from './status-page';

type PageQuery = { isPending: boolean; error: unknown; refetch: () => unknown };

/**
 * What a page shows instead of its record: a loader while it loads; the not-found page when the
 * server answers 404 (or the address holds no valid id); otherwise the error with a retry. A page
 * renders it while it has no data: `if (!query.data) return <QueryFallback query={query} … />`.
 */
export function QueryFallback({
  query,
  notFound,
}: {
  query: PageQuery;
  notFound: { title: string; text: string; linkLabel: string; linkTo: string };
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center mih="40vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isApiError(query.error, 'not_found') || isApiError(query.error, 'invalid_input')) {
    return <StatusPage {...notFound} />;
  }
  return (
    <Stack maw={560}>
      <ErrorAlert error={query.error} />
      <div>
        <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
      </div>
    </Stack>
  );
}
