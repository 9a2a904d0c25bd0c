import {
  Alert,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { SAP_MODULES } from '../domain.js';
import { todayInSeoul } from '../format.js';
import type { TDashboardFilter } from './api.js';
import type { TDashboardSearch } from './dashboard-search.js';
import { FlowFigures } from './FlowFigures.js';
import { addDays } from './periods.js';
import { QualityFigures } from './QualityFigures.js';
import { usePickerData } from './queries.js';
import { StaffOnly } from './StaffOnly.js';
import { TeamFigures } from './TeamFigures.js';
import { useT } from './use-t.js';
import './messages-register.js';
import './reports.css';

const route = getRouteApi('/dashboards');

/** The period the server takes without one: the 12 weeks ending today. */
export const defaultFrom = () => addDays(todayInSeoul(), -7 * 12 + 1);

/**
 * The team's dashboards (managers and every staff member, viewers included): filters in the address;
 * every figure a chart whose bars and points open the tickets behind them, with a table view and a CSV.
 */
export function DashboardsPage() {
  return (
    <StaffOnly>
      <Dashboards />
    </StaffOnly>
  );
}

function Dashboards() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { organizations, teams } = usePickerData();
  const filter: TDashboardFilter = { ...search, granularity: search.granularity ?? 'week' };
  const set = (change: Partial<TDashboardSearch>) =>
    void navigate({ search: (s) => ({ ...s, ...change }), replace: true });
  const isRangeBad = Boolean(search.from && search.to && search.from > search.to);
  return (
    <Stack gap="md" className="reports-page">
      <Title order={1} size="h2">
        {t('reports.dash.title')}
      </Title>
      <Group
        gap="sm"
        align="flex-end"
        role="search"
        aria-label={t('reports.dash.filters')}
        className="no-print"
      >
        <Select
          label={t('reports.dash.customer')}
          placeholder={t('reports.dash.all')}
          data={organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
          value={search.organizationId ?? null}
          onChange={(v) => set({ organizationId: v ?? undefined })}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('reports.dash.module')}
          placeholder={t('reports.dash.all')}
          data={[...SAP_MODULES]}
          value={search.module ?? null}
          onChange={(v) => set({ module: v ?? undefined })}
          clearable
          w={130}
        />
        <Select
          label={t('reports.dash.team')}
          placeholder={t('reports.dash.all')}
          data={teams.map((team) => ({ value: team.id, label: team.name }))}
          value={search.teamId ?? null}
          onChange={(v) => set({ teamId: v ?? undefined })}
          clearable
          w={160}
        />
        <TextInput
          type="date"
          label={t('reports.dash.from')}
          value={search.from ?? defaultFrom()}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          w={160}
        />
        <TextInput
          type="date"
          label={t('reports.dash.to')}
          value={search.to ?? todayInSeoul()}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          error={isRangeBad ? t('reports.dash.rangeBad') : undefined}
          w={160}
        />
        <SegmentedControl
          aria-label={t('reports.dash.granularity')}
          value={search.granularity ?? 'week'}
          onChange={(v) => set({ granularity: v === 'month' ? 'month' : undefined })}
          data={[
            { value: 'week', label: t('reports.dash.weekly') },
            { value: 'month', label: t('reports.dash.monthly') },
          ]}
        />
      </Group>
      <Text size="xs" c="gray.8">
        {t('reports.dash.hint')}
      </Text>
      {isRangeBad ? (
        <Alert color="red" role="alert">
          {t('reports.dash.rangeBad')}
        </Alert>
      ) : (
        <>
          <Section title={t('reports.dash.sections.flow')}>
            <FlowFigures filter={filter} />
          </Section>
          <Section title={t('reports.dash.sections.quality')}>
            <QualityFigures filter={filter} />
          </Section>
          <Section title={t('reports.dash.sections.team')}>
            <TeamFigures filter={filter} />
          </Section>
        </>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {children}
      </SimpleGrid>
    </section>
  );
}
