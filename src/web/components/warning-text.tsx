import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const knownWarnings = ['sni_not_manufacturing', 'sole_trader_personal_number', 'size_unknown'] as const;
type KnownWarning = (typeof knownWarnings)[number];

function isKnownWarning(code: string): code is KnownWarning {
  return (knownWarnings as readonly string[]).includes(code);
}

/** A fact worth a second look, by the code the server sends; an unknown code is shown as is. */
export function WarningText({ code, c }: { code: string; c?: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c={c}>
      {isKnownWarning(code) ? t(`companies.warnings.${code}`) : t('companies.warnings.other', { code })}
    </Text>
  );
}
