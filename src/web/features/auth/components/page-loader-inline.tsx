import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoaderInline() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
