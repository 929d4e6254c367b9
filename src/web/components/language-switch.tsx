import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../contracts/auth';
import { changeLanguage, currentLanguage, type Language } from '../i18n/i18n';
import { apiRequest } from './api-client';
import { meQueryKey, useMe } from './session';

/**
 * Switches between Swedish and English. The button names the other language in itself
 * ("English" on a Swedish page, "Svenska" on an English one), so a user who cannot read the
 * current language still finds their own. When signed in, the choice is saved on the account.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const other: Language = currentLanguage() === 'sv' ? 'en' : 'sv';

  async function switchLanguage() {
    await changeLanguage(other);
    if (me && me.locale !== other) {
      try {
        const updated = await apiRequest<Me>('/api/auth/me', { method: 'PATCH', body: { locale: other } });
        queryClient.setQueryData(meQueryKey, updated);
      } catch {
        // The interface has switched already; the account keeps its old choice until next time.
      }
    }
  }

  return (
    <Button
      variant="subtle"
      color="brand.8"
      leftSection={<IconLanguage size={18} aria-hidden />}
      onClick={() => void switchLanguage()}
      lang={other}
      px="xs"
    >
      {t(`language.names.${other}`)}
    </Button>
  );
}
