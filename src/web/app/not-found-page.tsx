import { useTranslation } from 'react-i18next';
import { StatusPage } from '../components/status-page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('notFound.title')} text={t('notFound.text')} linkLabel={t('notFound.home')} />;
}
