import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { StatusPage } from '../components/status-page';
import { NotFoundPage } from './not-found-page';

/** When a page fails to load or render (e.g. a new release replaced its code chunk). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <StatusPage title={t('routeError.title')} text={t('routeError.text')} linkLabel={t('notFound.home')} />;
}
