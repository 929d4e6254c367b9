import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Center, Stack } from '@mantine/core';
import { ErrorAlert } from '../components/error-alert';
import type { Ability } from '../../core/access';
import { useAbility, useMe } from '../components/session';
import { StatusPage } from '../components/status-page';
import { PageLoader } from './page-loader';

/** Only signed-in users pass; others go to the sign-in page and come back here afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();

  if (isPending) return <PageLoader />;
  if (error) {
    return (
      <Center mih="60vh" p="md">
        <Stack maw={480}>
          <ErrorAlert error={error} />
          <Button onClick={() => void refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

type RequireAbilityProps = { ability: Ability };

/** A page for users with an ability; others see that they have no access to it. */
export function RequireAbility({ ability }: RequireAbilityProps) {
  const { t } = useTranslation();
  const allowed = useAbility(ability);
  if (!allowed) {
    return <StatusPage title={t('noAccess.title')} text={t('noAccess.text')} linkLabel={t('notFound.home')} />;
  }
  return <Outlet />;
}
