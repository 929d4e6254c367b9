import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type RecoveryCodesPanelProps = {
  codes: string[];
  /** What comes after, e.g. a button to continue. */
  children?: React.ReactNode;
};

/** New recovery codes, shown once: to copy or save as a text file before leaving the page. */
export function RecoveryCodesPanel({ codes, children }: RecoveryCodesPanelProps) {
  const { t } = useTranslation();
  const [isCopied, setCopied] = useState(false);
  const text = `Industry In West\n${codes.join('\n')}\n`;

  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'industry-in-west-reservkoder.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Stack gap="md">
      <Alert color="brand" variant="light" title={t('auth.secondFactor.codesTitle')}>
        {t('auth.secondFactor.codesText')}
      </Alert>
      <List
        type="ordered"
        spacing={4}
        // As many columns of whole codes as the width holds: one on a phone or in the sign-in card.
        styles={{ root: { columns: '14rem', columnGap: 'var(--mantine-spacing-xl)' } }}
        aria-label={t('auth.secondFactor.codesTitle')}
      >
        {codes.map((code) => (
          <List.Item key={code}>
            <Text span ff="monospace" fz="md" style={{ whiteSpace: 'nowrap' }}>
              {code}
            </Text>
          </List.Item>
        ))}
      </List>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => void copy()}>
          {t(isCopied ? 'auth.secondFactor.copied' : 'auth.secondFactor.copy')}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          {t('auth.secondFactor.download')}
        </Button>
      </Group>
      {children}
    </Stack>
  );
}
