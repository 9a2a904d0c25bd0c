import { Group, Stack } from '@mantine/core';
import { Navigate, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isStaff } from '../domain.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import './messages.js';

/** The customer portal's frame: its own short menu above each page. Staff work in the workspace. */
export function PortalLayout() {
  const { t } = useTranslation();
  const user = useUser();
  if (isStaff(user.role)) return <Navigate to="/tickets" />;
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <nav aria-label={t('portal.nav.label')}>
        <Group gap="lg">
          <AnchorLink
            to="/portal"
            fw={600}
            c="indigo.9"
            activeOptions={{ exact: true, includeSearch: false }}
          >
            {t('portal.nav.tickets')}
          </AnchorLink>
          <AnchorLink to="/portal/new" fw={600} c="indigo.9">
            {t('portal.nav.new')}
          </AnchorLink>
          <AnchorLink to="/portal/reports" fw={600} c="indigo.9">
            {t('nav.portalReports')}
          </AnchorLink>
        </Group>
      </nav>
      <Outlet />
    </Stack>
  );
}
