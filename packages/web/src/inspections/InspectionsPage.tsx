import { Stack, Tabs, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useT } from '../team/use-t.js';
import { InspectionList } from './InspectionList.js';
import { SchedulesPanel } from './SchedulesPanel.js';
import { TemplatesPanel } from './TemplatesPanel.js';
import './messages-register.js';

const route = getRouteApi('/inspections');

/** Periodic inspections: the list (due, open, done), the schedules per contract, the checklist templates. */
export function InspectionsPage() {
  const t = useT();
  const { tab = 'list' } = route.useSearch();
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('inspection.title')}
      </Title>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) =>
          void navigate({
            to: '/inspections',
            search: value === 'schedules' || value === 'templates' ? { tab: value } : {},
          })
        }
      >
        <Tabs.List>
          <Tabs.Tab value="list">{t('inspection.tabs.list')}</Tabs.Tab>
          <Tabs.Tab value="schedules">{t('inspection.tabs.schedules')}</Tabs.Tab>
          <Tabs.Tab value="templates">{t('inspection.tabs.templates')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <InspectionList />
        </Tabs.Panel>
        <Tabs.Panel value="schedules" pt="md">
          <SchedulesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
