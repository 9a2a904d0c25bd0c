import { Alert, AppShell, Button, Center, Group, Loader, Text } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { isStaff } from '../domain.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { useLiveEvents } from '../live/use-live-events.js';
import { SignIn } from '../SignIn.js';
import { AnchorLink } from './AnchorLink.js';
import { useMe, useSignedOut } from './session.js';

/** The frame of every page: the top bar, and the sign-in form for whoever is not signed in. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ?? null;
  const signedOut = useSignedOut();
  const live = useLiveEvents(user !== null);

  async function signOut() {
    try {
      await api.logout();
    } finally {
      signedOut();
    }
  }

  return (
    <AppShell header={{ height: 52 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} c="indigo.9">
              {t('app.name')}
            </Text>
            {user && isStaff(user.role) && (
              <nav aria-label={t('nav.label')}>
                <Group gap="md">
                  <AnchorLink to="/tickets" fw={500} activeOptions={{ includeSearch: false }}>
                    {t('nav.tickets')}
                  </AnchorLink>
                  <AnchorLink to="/customers" fw={500}>
                    {t('customer.nav')}
                  </AnchorLink>
                  <AnchorLink to="/calendars" fw={500} activeOptions={{ includeSearch: false }}>
                    {t('nav.calendars')}
                  </AnchorLink>
                  {(user.role === 'admin' || user.role === 'manager') && (
                    <AnchorLink to="/admin/users" fw={500}>
                      {t('admin.nav')}
                    </AnchorLink>
                  )}
                </Group>
              </nav>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {user && (live === 'open' || live === 'lost') && (
              <Text size="xs" c={live === 'open' ? 'teal.9' : 'orange.9'} role="status" data-live={live}>
                {live === 'open' ? `● ${t('list.live')}` : `○ ${t('list.offline')}`}
              </Text>
            )}
            <LanguageSwitch />
            {user && (
              <>
                <Text size="sm" visibleFrom="sm">
                  {t('nav.user', { name: user.name, role: t(`role.${user.role}`) })}
                </Text>
                <AnchorLink to="/settings/notifications" size="sm" fw={500}>
                  {t('settings.nav')}
                </AnchorLink>
                <Button size="compact-sm" variant="default" onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {me.isPending && (
          <Center mt="xl" aria-busy="true">
            <Loader aria-label={t('app.loading')} />
          </Center>
        )}
        {me.isError && (
          <Alert color="red" role="alert">
            {t('error.network')}
          </Alert>
        )}
        {me.isSuccess && !user && (
          <main>
            <SignIn />
          </main>
        )}
        {user && (
          <main>
            <Outlet />
          </main>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
