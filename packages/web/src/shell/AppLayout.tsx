import { Alert, AppShell, Burger, Button, Center, Group, Loader, Text } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { isStaff } from '../domain.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { useLiveEvents } from '../live/use-live-events.js';
import { SignIn } from '../SignIn.js';
import { AnchorLink } from './AnchorLink.js';
import { StaffNav } from './StaffNav.js';
import { useMe, useSignedOut } from './session.js';

/** The frame of every page: the top bar, and the sign-in form for whoever is not signed in. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ?? null;
  const signedOut = useSignedOut();
  const live = useLiveEvents(user !== null);
  const [isNavOpen, setNavOpen] = useState(false);
  const hasNav = user !== null && isStaff(user.role);

  async function signOut() {
    try {
      await api.logout();
    } finally {
      signedOut();
    }
  }

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={hasNav ? { width: 184, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {hasNav && (
              <Burger
                opened={isNavOpen}
                onClick={() => setNavOpen((open) => !open)}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
              />
            )}
            <Text fw={700} c="indigo.9">
              {t('app.name')}
            </Text>
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
      {hasNav && (
        <AppShell.Navbar p="sm" onClick={() => setNavOpen(false)}>
          <StaffNav canAdminister={user.role === 'admin' || user.role === 'manager'} />
        </AppShell.Navbar>
      )}
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
