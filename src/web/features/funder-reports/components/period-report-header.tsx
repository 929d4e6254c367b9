import { Anchor, Button, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { PageHeader } from '../../../components/page-header';
import { PeriodFilters, type PeriodQuery } from './period-filters';

type Props = {
  title: string;
  description: string;
  query: PeriodQuery | null;
  /** The report as read: its download is offered once there is one. */
  result: { data: unknown; error: Error | null; isPending: boolean };
  download: (query: PeriodQuery) => Promise<unknown>;
};

/** The top of a report of a period under Rapporter: the way back, the title with the .xlsx download,
 * the period filters, and the report's error or loader. */
export function PeriodReportHeader({ title, description, query, result, download }: Props) {
  const { t } = useTranslation();
  const [isDownloading, setDownloading] = useState(false);
  async function onDownload() {
    if (!query) return;
    setDownloading(true);
    try {
      await download(query);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    } finally {
      setDownloading(false);
    }
  }
  return (
    <>
      <Anchor component={Link} to="/reports" size="sm">
        {t('funderReports.frozen.back')}
      </Anchor>
      <PageHeader
        title={title}
        description={description}
        actions={
          query && result.data ? (
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={isDownloading}
              onClick={() => void onDownload()}
            >
              {t('funderReports.download')}
            </Button>
          ) : null
        }
      />
      <PeriodFilters submitLabel={t('funderReports.impact.show')} />
      {result.error ? <ErrorAlert error={result.error} /> : null}
      {query && result.isPending ? <Loader aria-label={t('common.loading')} /> : null}
    </>
  );
}
