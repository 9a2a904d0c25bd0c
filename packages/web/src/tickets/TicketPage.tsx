import { Alert, Badge, Box, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { canWork, isStaff } from '../domain.js';
import { PRIORITY_COLORS } from '../format.js';
import { Markdown } from '../markdown/Markdown.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import { Composer } from './Composer.js';
import { useStaff } from './queries.js';
import { SidePanel } from './SidePanel.js';
import { Timeline } from './Timeline.js';

const route = getRouteApi('/tickets/$ref');
// Its own chunk and its own queries: the ticket shows first, the links and similar cases after.
const TicketLinks = lazy(async () => ({ default: (await import('./TicketLinks.js')).TicketLinks }));
// The checklist of an inspection ticket: its own chunk, loaded only for that type.
const InspectionPanel = lazy(async () => ({
  default: (await import('../inspections/InspectionPanel.js')).InspectionPanel,
}));

/** One ticket: the customer's special notes, the description and timeline, the composer, the fields. */
export function TicketPage() {
  const { t } = useTranslation();
  const { ref } = route.useParams();
  const user = useUser();
  const isWorker = canWork(user.role);
  const ticket = useQuery({ queryKey: ['ticket', ref], queryFn: () => api.ticket(ref) });
  const id = ticket.data?.id;
  const organizationId = ticket.data?.organizationId;
  const timeline = useQuery({
    queryKey: ['timeline', id],
    queryFn: () => api.timeline(ref),
    enabled: Boolean(id),
  });
  const organization = useQuery({
    queryKey: ['organization', organizationId],
    queryFn: () => api.organization(organizationId!),
    enabled: Boolean(organizationId),
  });
  const systems = useQuery({
    queryKey: ['systems', organizationId],
    queryFn: async () => (await api.systems(organizationId!)).items,
    enabled: Boolean(organizationId),
  });
  const staff = useStaff();
  const [isStale, setIsStale] = useState(false);

  if (ticket.isPending) return <Loader aria-label={t('app.loading')} />;
  if (ticket.isError)
    return (
      <Alert color="red" role="alert">
        {t('ticketPage.notFound')} {ticket.error.message}
      </Alert>
    );
  const data = ticket.data;
  const notes = organization.data?.specialNotes?.trim();
  return (
    <Stack gap="sm">
      <AnchorLink to="/tickets" size="sm" c="indigo.9">
        ← {t('ticketPage.back')}
      </AnchorLink>
      {notes && (
        <Alert color="orange" title={t('ticketPage.specialNotes')} variant="light" role="note" c="dark.9">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {notes}
          </Text>
        </Alert>
      )}
      <Group gap="sm" align="baseline">
        <Text c="gray.8" fw={600}>
          {data.number}
        </Text>
        <Title order={1} size="h3">
          {data.title}
        </Title>
        <Badge
          color={PRIORITY_COLORS[data.priority]}
          variant="light"
          c={`${PRIORITY_COLORS[data.priority]}.9`}
        >
          {data.priority}
        </Badge>
        <Badge variant="outline" color="gray.8" c="gray.9" data-testid="ticket-status">
          {t(`status.${data.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="gray.8">
        <AnchorLink to="/customers/$id" params={{ id: data.organizationId }} c="indigo.9" underline="always">
          {data.organization.name}
        </AnchorLink>{' '}
        · {t(`type.${data.type}`)} {data.module ? `· ${data.module}` : ''}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            {data.description && (
              <Paper withBorder p="sm" component="section" aria-label={t('ticketPage.description')}>
                <Markdown text={data.description} />
              </Paper>
            )}
            {data.type === 'inspection' && (
              <Suspense fallback={<Loader size="xs" aria-label={t('app.loading')} />}>
                <InspectionPanel ticketRef={ref} canEdit={isWorker} />
              </Suspense>
            )}
            <section aria-labelledby="timeline-title">
              <Title order={2} size="h5" id="timeline-title" mb="xs">
                {t('ticketPage.timeline')}
              </Title>
              {timeline.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
              {timeline.data && <Timeline items={timeline.data.items} ticketId={data.id} />}
            </section>
            {isWorker && <Composer ticketRef={ref} ticketId={data.id} staff={staff.data ?? []} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SidePanel
            key={`${data.id}-${data.version}`}
            ticket={data}
            ticketRef={ref}
            staff={staff.data ?? []}
            systems={systems.data ?? []}
            canEdit={isWorker}
            isStale={isStale}
            onStale={setIsStale}
          />
          {isStaff(user.role) && (
            <Suspense fallback={<Loader size="xs" mt="sm" aria-label={t('app.loading')} />}>
              <Box mt="sm">
                <TicketLinks ticket={data} canEdit={isWorker} />
              </Box>
            </Suspense>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
