import { Alert, Button, Grid, Group, Loader, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi, Navigate, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWork, isStaff } from '../domain.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import { BulkBar } from './BulkBar.js';
import { CreateTicketModal } from './CreateTicketModal.js';
import { ListFilters } from './ListFilters.js';
import { DRILL_KEYS, drillOf, filterOf } from './list-search.js';
import { QueueNav } from './QueueNav.js';
import { useTicketPage } from './queries.js';
import { SearchResults } from './SearchResults.js';
import { TicketTable } from './TicketTable.js';

const route = getRouteApi('/tickets');

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null);

/** The agent's and manager's workspace: queues, the ticket list with filters, bulk changes and keys. */
export function Workspace() {
  const user = useUser();
  // The workspace is the staff's; customer users have their own start page (the portal to come).
  return isStaff(user.role) ? <StaffWorkspace /> : <Navigate to="/" />;
}

function StaffWorkspace() {
  const { t } = useTranslation();
  const user = useUser();
  const isWorker = canWork(user.role);
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/tickets' });
  const filter = useMemo(() => filterOf(search), [search]);
  const filterKey = JSON.stringify(filter);

  // Keyset paging: the cursors of the pages before this one, so that "previous" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [activeIndex, setActiveIndex] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [isCreating, setIsCreating] = useState(false);
  const [query, setQuery] = useState(search.q ?? '');
  const searchBox = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts again at its first page.
  useEffect(() => {
    setCursors([null]);
    setActiveIndex(0);
    setSelected(new Set());
  }, [filterKey]);

  const cursor = cursors.at(-1) ?? null;
  const page = useTicketPage(filter, cursor);
  const tickets = page.data?.items ?? [];

  const open = useCallback(
    (index: number) => {
      const ticket = tickets[index];
      if (ticket) void navigate({ to: '/tickets/$ref', params: { ref: ticket.number } });
    },
    [tickets, navigate],
  );
  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(
    (isOn: boolean) => setSelected(isOn ? new Set(tickets.map((ticket) => ticket.id)) : new Set()),
    [tickets],
  );

  // j/k move, Enter opens, x selects, / searches, c creates: as in the mail and issue tools the team knows.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const move = (to: number) => {
        event.preventDefault();
        const index = Math.max(0, Math.min(tickets.length - 1, to));
        setActiveIndex(index);
        document
          .querySelectorAll<HTMLAnchorElement>('.ticket-table tbody tr a')
          [index]?.focus({ preventScroll: false });
      };
      if (event.key === 'j') move(activeIndex + 1);
      else if (event.key === 'k') move(activeIndex - 1);
      else if (
        event.key === 'Enter' &&
        !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)
      )
        open(activeIndex);
      else if (event.key === 'x' && isWorker && tickets[activeIndex]) toggle(tickets[activeIndex].id);
      else if (event.key === '/') {
        event.preventDefault();
        searchBox.current?.focus();
      } else if (event.key === 'c' && isWorker) {
        event.preventDefault();
        setIsCreating(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [activeIndex, tickets, open, toggle, isWorker]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: (s) => ({ ...s, q: query.trim() || undefined }) });
  };

  const pageNumber = cursors.length;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3, lg: 2.5 }}>
        <QueueNav current={search.queue ?? 'everything'} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9, lg: 9.5 }}>
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={1} size="h2">
            {t('list.title')}
          </Title>
          {search.queue?.startsWith('org:') && (
            <AnchorLink to="/customers/$id" params={{ id: search.queue.slice(4) }} size="sm" c="indigo.9">
              {t('customer.openPage')}
            </AnchorLink>
          )}
          <Group component="form" role="search" onSubmit={submitSearch} gap="xs">
            <TextInput
              ref={searchBox}
              type="search"
              aria-label={t('list.search')}
              placeholder={t('list.search')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={260}
            />
            {isWorker && (
              <Button onClick={() => setIsCreating(true)} aria-keyshortcuts="c">
                {t('list.newTicket')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="xs" c="gray.8" mb="xs">
          {t('list.searchHint')}
        </Text>
        {search.q ? (
          <SearchResults
            q={search.q}
            onClear={() => {
              setQuery('');
              void navigate({ search: (s) => ({ ...s, q: undefined }) });
            }}
          />
        ) : (
          <>
            <ListFilters search={search} userId={user.id} />
            {Object.keys(drillOf(search)).length > 0 && (
              <Alert color="indigo" variant="light" my="xs" p="xs" data-drill>
                <Group gap="sm" justify="space-between">
                  <Text size="sm">{t('list.drill')}</Text>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() =>
                      void navigate({
                        search: (s) => ({
                          ...s,
                          ...Object.fromEntries(DRILL_KEYS.map((k) => [k, undefined])),
                        }),
                      })
                    }
                  >
                    {t('list.drillClear')}
                  </Button>
                </Group>
              </Alert>
            )}
            {isWorker && selected.size > 0 && (
              <BulkBar
                ids={[...selected]}
                tickets={tickets}
                onDone={(failed) => setSelected(new Set(failed))}
                onClear={() => setSelected(new Set())}
              />
            )}
            {page.isError && (
              <Alert color="red" role="alert" my="sm">
                {t('list.loadFailed')} {page.error.message}
              </Alert>
            )}
            {page.isPending && <Loader my="md" aria-label={t('app.loading')} />}
            {page.data && tickets.length === 0 && <Text my="md">{t('list.none')}</Text>}
            {tickets.length > 0 && (
              <TicketTable
                tickets={tickets}
                activeIndex={activeIndex}
                selected={selected}
                onToggle={isWorker ? toggle : null}
                onToggleAll={isWorker ? toggleAll : null}
                onActivate={setActiveIndex}
              />
            )}
            <Group justify="flex-end" mt="sm" gap="xs">
              <Button
                variant="default"
                size="compact-sm"
                disabled={pageNumber === 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                {t('list.previous')}
              </Button>
              <Text size="sm" aria-live="polite">
                {t('list.page', { page: pageNumber })}
              </Text>
              <Button
                variant="default"
                size="compact-sm"
                disabled={!page.data?.nextCursor}
                onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? null])}
              >
                {t('list.next')}
              </Button>
            </Group>
          </>
        )}
      </Grid.Col>
      {isWorker && <CreateTicketModal isOpen={isCreating} onClose={() => setIsCreating(false)} />}
    </Grid>
  );
}
