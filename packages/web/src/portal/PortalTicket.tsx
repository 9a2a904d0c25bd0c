import type { TTicket, TTicketStatus } from '@hamkke/core';
import { CUSTOMER_STATUS_FLOW } from '@hamkke/core/domain';
import { Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { formatDateTime, PRIORITY_COLORS } from '../format.js';
import { Markdown } from '../markdown/Markdown.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { useUser } from '../shell/session.js';
import { Timeline } from '../tickets/Timeline.js';
import { portalApi } from './api.js';
import { expectedText } from './expected.js';
import { PortalReply } from './PortalReply.js';
import { RateTicket } from './RateTicket.js';
import './messages.js';

const route = getRouteApi('/portal/tickets/$ref');

/**
 * One of the organization's tickets as the customer sees it: status, expected times, the public
 * timeline (the server sends nothing else), a reply, and closing, reopening and rating when resolved.
 */
export function PortalTicket() {
  const { t } = useTranslation();
  const { ref } = route.useParams();
  const user = useUser();
  // The same keys as the workspace's ticket page, so that the live events refresh them.
  const ticket = useQuery({ queryKey: ['ticket', ref], queryFn: () => api.ticket(ref) });
  const id = ticket.data?.id;
  const timeline = useQuery({
    queryKey: ['timeline', id],
    queryFn: () => api.timeline(ref),
    enabled: Boolean(id),
  });
  const systems = useQuery({
    queryKey: ['systems', user.organizationId],
    queryFn: () => portalApi.systems(user.organizationId!),
    enabled: Boolean(user.organizationId),
    staleTime: 5 * 60_000,
  });

  if (ticket.isPending) return <Loader aria-label={t('app.loading')} />;
  if (ticket.isError)
    return (
      <Alert color="red" role="alert">
        {t('portal.ticket.notFound')} {ticket.error.message}
      </Alert>
    );
  const data = ticket.data;
  const system = systems.data?.find((s) => s.id === data.systemId);
  const isEnded = data.status === 'closed' || data.status === 'cancelled';
  const isRequester = data.requester?.id === user.id;
  return (
    <Stack gap="sm">
      <AnchorLink to="/portal" size="sm" c="indigo.9">
        ← {t('portal.ticket.back')}
      </AnchorLink>
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
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            {data.status === 'resolved' && (
              <Alert color="teal" variant="light" title={t('portal.ticket.resolvedTitle')} c="dark.9">
                {t('portal.ticket.resolvedText')}
              </Alert>
            )}
            <StatusActions ticket={data} />
            {(data.status === 'resolved' || data.status === 'closed') && isRequester && (
              <RateTicket ticketId={data.id} />
            )}
            {data.description && (
              <Paper withBorder p="sm" component="section" aria-label={t('portal.ticket.description')}>
                <Markdown text={data.description} />
              </Paper>
            )}
            <section aria-labelledby="portal-timeline-title">
              <Title order={2} size="h5" id="portal-timeline-title" mb="xs">
                {t('portal.ticket.timeline')}
              </Title>
              {timeline.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
              {timeline.data && <Timeline items={timeline.data.items} ticketId={data.id} />}
            </section>
            {isEnded ? (
              <Text c="gray.8">{t('portal.ticket.ended')}</Text>
            ) : (
              <PortalReply ticketId={data.id} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <Expected ticket={data} />
            <Paper withBorder p="sm" component="section" aria-labelledby="portal-facts-title">
              <Title order={2} size="h5" id="portal-facts-title" mb="xs">
                {t('portal.ticket.facts')}
              </Title>
              <dl style={{ margin: 0 }}>
                <Fact label={t('portal.ticket.type')} value={t(`type.${data.type}`)} />
                <Fact
                  label={t('portal.ticket.system')}
                  value={system ? `${system.sid} (${system.tier}) · ${system.product}` : '-'}
                />
                <Fact label={t('portal.ticket.module')} value={data.module ?? '-'} />
                <Fact label={t('portal.ticket.impact')} value={t(`level.${data.impact}`)} />
                <Fact label={t('portal.ticket.urgency')} value={t(`level.${data.urgency}`)} />
                <Fact label={t('portal.ticket.requester')} value={data.requester?.name ?? '-'} />
                <Fact
                  label={t('portal.ticket.assignee')}
                  value={data.assignee?.name ?? t('portal.ticket.unassigned')}
                />
                <Fact label={t('portal.ticket.created')} value={formatDateTime(data.createdAt)} />
                <Fact label={t('portal.ticket.updated')} value={formatDateTime(data.updatedAt)} />
              </dl>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="gray.8" miw={80}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {value}
      </Text>
    </Group>
  );
}

function Expected({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const rows = [
    ['response', ticket.sla.response],
    ['resolution', ticket.sla.resolution],
  ] as const;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="portal-expected-title">
      <Title order={2} size="h5" id="portal-expected-title" mb="xs">
        {t('portal.expected.title')}
      </Title>
      <dl style={{ margin: 0 }} data-testid="expected-times">
        {rows.map(([key, clock]) => {
          const view = expectedText(t, clock);
          return (
            <Group key={key} gap="xs" wrap="nowrap" align="baseline">
              <Text component="dt" size="sm" c="gray.8" miw={80}>
                {t(`portal.expected.${key}`)}
              </Text>
              <Text
                component="dd"
                size="sm"
                m={0}
                c={view.isLate ? 'red.9' : undefined}
                fw={view.isLate ? 600 : undefined}
              >
                {view.text}
              </Text>
            </Group>
          );
        })}
      </dl>
      <Text size="xs" c="gray.8" mt={4}>
        {t('portal.expected.note')}
      </Text>
    </Paper>
  );
}

/** What the customer may do with the status now (core's CUSTOMER_STATUS_FLOW): accept, reopen or withdraw. */
function StatusActions({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [isConfirming, setIsConfirming] = useState(false);
  const [busy, setBusy] = useState<TTicketStatus | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The question takes the focus, so that the keyboard answers it next.
  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);
  const allowed = CUSTOMER_STATUS_FLOW[ticket.status];
  if (allowed.length === 0) return null;

  const change = async (status: TTicketStatus) => {
    setBusy(status);
    try {
      const updated = await portalApi.setStatus(ticket.id, status, ticket.version);
      client.setQueryData(['ticket', ticket.number], updated);
      notify('teal', t('portal.ticket.statusChanged'));
    } catch (e) {
      notify('red', e instanceof Error ? e.message : String(e), t('portal.ticket.statusFailed'));
    } finally {
      setBusy(null);
      setIsConfirming(false);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'ticket' });
      void client.invalidateQueries({ queryKey: ['timeline', ticket.id] });
      void client.invalidateQueries({ queryKey: ['tickets'] });
    }
  };

  if (ticket.status === 'resolved')
    return (
      <Group gap="sm">
        {allowed.includes('closed') && (
          <Button loading={busy === 'closed'} onClick={() => void change('closed')}>
            {t('portal.ticket.close')}
          </Button>
        )}
        {allowed.includes('open') && (
          <Button variant="default" loading={busy === 'open'} onClick={() => void change('open')}>
            {t('portal.ticket.reopen')}
          </Button>
        )}
      </Group>
    );
  if (!allowed.includes('cancelled')) return null;
  return isConfirming ? (
    <Alert color="orange" variant="light" role="alertdialog" c="dark.9" title={t('portal.ticket.withdraw')}>
      <Text size="sm" mb="xs">
        {t('portal.ticket.withdrawConfirm')}
      </Text>
      <Group gap="sm">
        <Button
          ref={confirmButton}
          color="red.9"
          size="xs"
          loading={busy === 'cancelled'}
          onClick={() => void change('cancelled')}
        >
          {t('portal.ticket.withdrawYes')}
        </Button>
        <Button variant="default" size="xs" onClick={() => setIsConfirming(false)}>
          {t('portal.ticket.withdrawNo')}
        </Button>
      </Group>
    </Alert>
  ) : (
    <Group>
      <Button variant="subtle" color="gray.9" size="xs" onClick={() => setIsConfirming(true)}>
        {t('portal.ticket.withdraw')}
      </Button>
    </Group>
  );
}
