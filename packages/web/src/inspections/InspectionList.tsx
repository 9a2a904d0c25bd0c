import { Badge, Group, Loader, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useT } from '../team/use-t.js';
import { useOrganizations } from '../tickets/queries.js';
import { inspectionApi } from './api.js';

/** The inspections, newest first, with their result counts and findings; filtered by customer and state. */
export function InspectionList() {
  const t = useT();
  const organizations = useOrganizations();
  const [organizationId, setOrganizationId] = useState('');
  const [state, setState] = useState('');
  const list = useQuery({
    queryKey: ['inspections', organizationId, state],
    queryFn: async () => (await inspectionApi.list({ organizationId, state })).items,
  });
  const names = new Map((organizations.data ?? []).map((o) => [o.id, o.name]));
  return (
    <>
      <Group mb="sm">
        <Select
          label={t('inspection.filterCustomer')}
          data={[
            { value: '', label: t('inspection.all') },
            ...(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={organizationId}
          onChange={(v) => setOrganizationId(v ?? '')}
          searchable
          allowDeselect={false}
          w={220}
        />
        <Select
          label={t('inspection.filterState')}
          data={(['', 'open', 'completed'] as const).map((s) => ({
            value: s,
            label: t(`inspection.state.${s || 'all'}`),
          }))}
          value={state}
          onChange={(v) => setState(v ?? '')}
          allowDeselect={false}
          w={150}
        />
      </Group>
      {list.isPending && <Loader aria-label={t('app.loading')} />}
      {list.data?.length === 0 && <Text c="gray.8">{t('inspection.none')}</Text>}
      {(list.data?.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table fz="sm" striped aria-label={t('inspection.tabs.list')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inspection.col.ticket')}</Table.Th>
                <Table.Th>{t('inspection.col.title')}</Table.Th>
                <Table.Th>{t('inspection.col.customer')}</Table.Th>
                <Table.Th>{t('inspection.col.planned')}</Table.Th>
                <Table.Th>{t('inspection.col.result')}</Table.Th>
                <Table.Th>{t('inspection.col.findings')}</Table.Th>
                <Table.Th>{t('inspection.col.completed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.map((row) => (
                <Table.Tr key={row.ticketId}>
                  <Table.Td>
                    <AnchorLink to="/tickets/$ref" params={{ ref: row.ticketNumber }} c="indigo.9" fw={500}>
                      {row.ticketNumber}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{row.title}</Table.Td>
                  <Table.Td>{names.get(row.organizationId) ?? ''}</Table.Td>
                  <Table.Td>{formatDateTime(row.plannedStart)}</Table.Td>
                  <Table.Td>{t('inspection.summary', row.summary)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {row.findings.map((f) => (
                        <Badge
                          key={f.itemId}
                          size="sm"
                          variant="light"
                          color={f.result === 'failed' ? 'red' : 'orange'}
                          c="dark.9"
                          tt="none"
                        >
                          {f.title}
                          {f.followUp ? ` → ${f.followUp.number}` : ''}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(row.completedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
