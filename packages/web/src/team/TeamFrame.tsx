import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useT } from './use-t.js';
import './messages-register.js';

/** The team pages' heading and the links between load and deployments. */
export function TeamFrame({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      <nav aria-label={t('team.sections')}>
        <Group gap="lg">
          <AnchorLink to="/team" fw={500} c="indigo.9" activeOptions={{ exact: true }}>
            {t('team.loadTab')}
          </AnchorLink>
          <AnchorLink to="/team/deployments" fw={500} c="indigo.9">
            {t('team.deploymentsTab')}
          </AnchorLink>
        </Group>
      </nav>
      {children}
    </Stack>
  );
}
