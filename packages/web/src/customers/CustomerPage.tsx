import type { TTicket } from '@hamkke/core';
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../admin/AdminFrame.js';
import { adminApi } from '../admin/api.js';
import { useFormErrors } from '../admin/form-errors.js';
import { api } from '../api.js';
import { canWork, isStaff, OPEN_STATUSES } from '../domain.js';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { useUser } from '../shell/session.js';
import { ContractsSection } from './ContractsSection.js';
import { SystemsSection } from './SystemsSection.js';
import '../admin/messages-register.js';

const route = getRouteApi('/customers/$id');

/** One customer for staff: special notes with their history, systems, contracts and hours, tickets. */
export function CustomerPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const user = useUser();
  const isManager = user.role === 'admin' || user.role === 'manager';
  const organization = useQuery({
    queryKey: ['organization', id],
    queryFn: () => api.organization(id),
    enabled: isStaff(user.role),
  });

  if (!isStaff(user.role))
    return (
      <Alert color="red" role="alert">
        {t('customer.staffOnly')}
      </Alert>
    );

  if (organization.isPending) return <Loader aria-label={t('app.loading')} />;
  if (organization.isError)
    return (
      <Alert color="red" role="alert">
        {t('customer.notFound')} {organization.error.message}
      </Alert>
    );
  const org = organization.data;
  return (
    <Stack gap="lg" className="hamkke-admin">
      <Group gap="sm" align="baseline">
        <Title order={1} size="h2">
          {org.name}
        </Title>
        <Text c="gray.8" fw={600}>
          {org.code}
        </Text>
        {!org.isActive && (
          <Badge color="gray" variant="light" c="gray.9">
            {t('admin.inactive')}
          </Badge>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <SpecialNotes
              organizationId={id}
              notes={org.specialNotes ?? ''}
              canEdit={canWork(user.role)}
              canSeeHistory={isManager}
            />
            <SystemsSection organizationId={id} canEdit={canWork(user.role)} />
            <ContractsSection organizationId={id} canEdit={isManager} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <TicketsSection
              organizationId={id}
              title={t('customer.openTickets')}
              statuses={[...OPEN_STATUSES]}
              sort="priority"
              anchor="open-tickets"
            />
            <TicketsSection
              organizationId={id}
              title={t('customer.recentTickets')}
              statuses={[]}
              sort="-updatedAt"
              anchor="recent-tickets"
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function SpecialNotes({
  organizationId,
  notes,
  canEdit,
  canSeeHistory,
}: {
  organizationId: string;
  notes: string;
  canEdit: boolean;
  canSeeHistory: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const errors = useFormErrors();
  const history = useQuery({
    queryKey: ['audit', 'organization', organizationId],
    queryFn: () => adminApi.audit('organization', organizationId),
    enabled: canSeeHistory,
  });

  async function save() {
    if (draft === null) return;
    setIsBusy(true);
    errors.clear();
    try {
      const saved = await adminApi.updateOrganization(organizationId, { specialNotes: draft });
      client.setQueryData(['organization', organizationId], saved);
      await client.invalidateQueries({ queryKey: ['audit', 'organization', organizationId] });
      await client.invalidateQueries({ queryKey: ['organizations'] });
      setDraft(null);
      notify('teal', t('admin.saved'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setIsBusy(false);
    }
  }

  const changes = (history.data?.items ?? []).filter(
    (e) => (notesOf(e.before) ?? '') !== (notesOf(e.after) ?? ''),
  );
  return (
    <section aria-labelledby="notes-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="notes-title">
          {t('customer.specialNotes')}
        </Title>
        {canEdit && draft === null && (
          <Button size="compact-sm" variant="default" onClick={() => setDraft(notes)}>
            {t('customer.editNotes')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="gray.8" mb="xs">
        {t('customer.notesAudience')}
      </Text>
      {draft === null ? (
        <Paper withBorder p="sm" bg="orange.0">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="special-notes">
            {notes.trim() ? notes : t('customer.noNotes')}
          </Text>
        </Paper>
      ) : (
        <Stack gap="xs">
          <Textarea
            label={t('customer.specialNotes')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            error={errors.of('specialNotes')}
            autosize
            minRows={4}
            data-autofocus
          />
          <FormAlert message={errors.errors.form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('admin.cancel')}
            </Button>
            <Button onClick={() => void save()} loading={isBusy}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      )}
      <Title order={3} size="h5" mt="md" mb="xs" id="notes-history-title">
        {t('customer.notesHistory')}
      </Title>
      {!canSeeHistory && (
        <Text size="sm" c="gray.8">
          {t('customer.historyManagersOnly')}
        </Text>
      )}
      {canSeeHistory && history.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {canSeeHistory && history.data && changes.length === 0 && (
        <Text size="sm" c="gray.8">
          {t('customer.noHistory')}
        </Text>
      )}
      {changes.length > 0 && (
        <Stack
          gap="xs"
          component="ol"
          aria-labelledby="notes-history-title"
          p={0}
          style={{ listStyle: 'none' }}
        >
          {changes.map((entry) => (
            <Paper component="li" key={entry.id} withBorder p="xs" data-testid="notes-history-entry">
              <Text size="xs" c="gray.8">
                {formatDateTime(entry.at)} · {entry.actor?.name ?? t('customer.system')}
              </Text>
              <Text size="sm" c="red.9" td="line-through" style={{ whiteSpace: 'pre-wrap' }}>
                <VisuallyHidden component="span">{t('customer.before')}: </VisuallyHidden>
                {notesOf(entry.before) || t('customer.empty')}
              </Text>
              <Text size="sm" c="teal.9" style={{ whiteSpace: 'pre-wrap' }}>
                <VisuallyHidden component="span">{t('customer.after')}: </VisuallyHidden>
                {notesOf(entry.after) || t('customer.empty')}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** The special notes of an audit snapshot of an organization, if it has them. */
function notesOf(snapshot: unknown): string | undefined {
  if (snapshot && typeof snapshot === 'object' && 'specialNotes' in snapshot) {
    const value = (snapshot as { specialNotes: unknown }).specialNotes;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function TicketsSection({
  organizationId,
  title,
  statuses,
  sort,
  anchor,
}: {
  organizationId: string;
  title: string;
  statuses: string[];
  sort: string;
  anchor: string;
}) {
  const { t } = useTranslation();
  const tickets = useQuery({
    queryKey: ['customer-tickets', organizationId, anchor],
    queryFn: () => api.tickets({ organizationId, status: statuses, sort }, 10),
  });
  const items: TTicket[] = tickets.data?.items ?? [];
  return (
    <section aria-labelledby={anchor}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={anchor}>
          {title}
        </Title>
        {statuses.length > 0 && (
          <AnchorLink to="/tickets" search={{ queue: `org:${organizationId}` }} size="sm" c="indigo.9">
            {t('customer.allInQueue')}
          </AnchorLink>
        )}
      </Group>
      {tickets.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {tickets.data && items.length === 0 && <Text c="gray.8">{t('customer.noTickets')}</Text>}
      {items.length > 0 && (
        <Table fz="sm" aria-labelledby={anchor}>
          <Table.Tbody>
            {items.map((ticket) => (
              <Table.Tr key={ticket.id}>
                <Table.Td>
                  <AnchorLink to="/tickets/$ref" params={{ ref: ticket.number }} c="indigo.9">
                    {ticket.number}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{ticket.title}</Table.Td>
                <Table.Td>{t(`status.${ticket.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
