import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './AnchorLink.js';

/** A labelled group of the menu: its heading names the group for screen readers too. */
function Section({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Text id={id} size="xs" fw={700} c="gray.8" tt="uppercase" mb={4} mt="sm">
        {label}
      </Text>
      <Stack gap={6}>{children}</Stack>
    </section>
  );
}

/**
 * The staff menu, down the left side: the daily work first, then the team's own running, then reports
 * and analysis. Eleven places do not fit one line of a top bar, and a sidebar keeps each one a plain link.
 */
export function StaffNav({ canAdminister }: { canAdminister: boolean }) {
  const { t } = useTranslation();
  const exact = { includeSearch: false };
  return (
    <nav aria-label={t('nav.label')}>
      <Section id="nav-work" label={t('nav.work')}>
        <AnchorLink to="/tickets" fw={500} activeOptions={exact}>
          {t('nav.tickets')}
        </AnchorLink>
        <AnchorLink to="/customers" fw={500}>
          {t('customer.nav')}
        </AnchorLink>
        <AnchorLink to="/inspections" fw={500} activeOptions={exact}>
          {t('inspection.nav')}
        </AnchorLink>
        <AnchorLink to="/calendars" fw={500} activeOptions={exact}>
          {t('nav.calendars')}
        </AnchorLink>
      </Section>
      <Section id="nav-team" label={t('nav.teamwork')}>
        <AnchorLink to="/team" fw={500}>
          {t('team.nav')}
        </AnchorLink>
        <AnchorLink to="/oncall" fw={500}>
          {t('oncall.nav')}
        </AnchorLink>
        <AnchorLink to="/improvements" fw={500}>
          {t('improvement.nav')}
        </AnchorLink>
        <AnchorLink to="/meetings" fw={500} activeOptions={exact}>
          {t('nav.meetings')}
        </AnchorLink>
      </Section>
      <Section id="nav-insight" label={t('nav.insight')}>
        <AnchorLink to="/dashboards" fw={500} activeOptions={exact}>
          {t('nav.dashboards')}
        </AnchorLink>
        <AnchorLink to="/reports" fw={500} activeOptions={exact}>
          {t('nav.reports')}
        </AnchorLink>
      </Section>
      {canAdminister && (
        <Stack mt="md">
          <AnchorLink to="/admin/users" fw={500}>
            {t('admin.nav')}
          </AnchorLink>
        </Stack>
      )}
    </nav>
  );
}
