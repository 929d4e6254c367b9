import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';

type Props = {
  label: string;
  /** Fetches the file and hands it to the browser (downloadFile); a failure is shown as a notification. */
  download: () => Promise<unknown>;
};

/** A button that downloads an export, busy while the file is made, telling a failure in the page. */
export function DownloadButton({ label, download }: Props) {
  const { t } = useTranslation();
  const [isDownloading, setDownloading] = useState(false);
  async function onClick() {
    setDownloading(true);
    try {
      await download();
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    } finally {
      setDownloading(false);
    }
  }
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={isDownloading}
      onClick={() => void onClick()}
    >
      {label}
    </Button>
  );
}
