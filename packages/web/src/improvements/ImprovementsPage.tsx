import { Alert, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { canWork } from '../domain.js';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import { useT } from '../team/use-t.js';
import { useStaff } from '../tickets/queries.js';
import { improvementApi, KINDS, ORIGINS, STATUSES } from './api.js';
import { ImprovementDialog } from './ImprovementDialog.js';
import { StatusBadge } from './StatusBadge.js';
import './messages-register.js';

/** The improvement register: B and C items with filters (kind, status, owner, origin); staff who work create them. */
export function ImprovementsPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const staff = useStaff();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [origin, setOrigin] = useState('');
  const [isCreating, setIsCreating] = useState(false);
  const list = useQuery({
    queryKey: ['improvements', { kind, status, ownerId }],
    queryFn: async () => (await improvementApi.list({ kind, status, ownerId })).items,
  });
  // The API filters by kind, status and owner; origin narrows the answer here.
  const items = (list.data ?? []).filter((i) => !origin || i.origin === origin);
  const all = { value: '', label: t('improvement.all') };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('improvement.title')}
        </Title>
        {canWork(user.role) && <Button onClick={() => setIsCreating(true)}>{t('improvement.create')}</Button>}
      </Group>
      <Group component="form" aria-label={t('improvement.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select
          label={t('improvement.field.kind')}
          data={[all, ...KINDS.map((k) => ({ value: k, label: t(`improvement.kind.${k}`) }))]}
          value={kind}
          onChange={(v) => setKind(v ?? '')}
          allowDeselect={false}
          w={190}
        />
        <Select
          label={t('improvement.field.status')}
          data={[all, ...STATUSES.map((s) => ({ value: s, label: t(`improvement.status.${s}`) }))]}
          value={status}
          onChange={(v) => setStatus(v ?? '')}
          allowDeselect={false}
          w={150}
        />
        <Select
          label={t('improvement.field.owner')}
          data={[all, ...(staff.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
          value={ownerId}
          onChange={(v) => setOwnerId(v ?? '')}
          searchable
          allowDeselect={false}
          w={170}
        />
        <Select
          label={t('improvement.field.origin')}
          data={[all, ...ORIGINS.map((o) => ({ value: o, label: t(`improvement.origin.${o}`) }))]}
          value={origin}
          onChange={(v) => setOrigin(v ?? '')}
          allowDeselect={false}
          w={170}
        />
      </Group>
      {list.isPending && <Loader aria-label={t('app.loading')} />}
      {list.isError && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isSuccess && items.length === 0 && <Text c="gray.8">{t('improvement.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" striped aria-label={t('improvement.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('improvement.field.title')}</Table.Th>
                <Table.Th>{t('improvement.field.kind')}</Table.Th>
                <Table.Th>{t('improvement.field.origin')}</Table.Th>
                <Table.Th>{t('improvement.field.owner')}</Table.Th>
                <Table.Th>{t('improvement.field.status')}</Table.Th>
                <Table.Th>{t('improvement.field.metric')}</Table.Th>
                <Table.Th>{t('improvement.field.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <AnchorLink to="/improvements/$id" params={{ id: i.id }} c="indigo.9" fw={500}>
                      {i.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`improvement.kindShort.${i.kind}`)}</Table.Td>
                  <Table.Td>{t(`improvement.origin.${i.origin}`)}</Table.Td>
                  <Table.Td>{i.owner?.name ?? ''}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td>{i.metric ? t(`improvement.metric.${i.metric.kind}`) : ''}</Table.Td>
                  <Table.Td>{formatDateTime(i.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isCreating && (
        <ImprovementDialog
          item={null}
          staff={staff.data ?? []}
          onClose={() => setIsCreating(false)}
          onSaved={(saved) => void navigate({ to: '/improvements/$id', params: { id: saved.id } })}
        />
      )}
    </Stack>
  );
}
