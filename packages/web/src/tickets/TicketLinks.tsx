import type { TArticle, TSimilarReasons, TTicket } from '@hamkke/core';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { linksApi } from './links-api.js';

type TProps = {
  ticket: Pick<TTicket, 'id' | 'number' | 'status'>;
  /** False for viewers: the links and similar cases as text, no link/unlink/draft control. */
  canEdit: boolean;
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why a case matched, as short labels: the shared words, the same system, the same module. */
function Reasons({ reasons }: { reasons: TSimilarReasons }) {
  const { t } = useTranslation();
  const labels = [
    reasons.isSameSystem ? t('links.sameSystem') : '',
    reasons.isSameModule ? t('links.sameModule') : '',
    reasons.sharedWords.length > 0
      ? t('links.sharedWords', { words: reasons.sharedWords.slice(0, 5).join(', ') })
      : '',
  ].filter(Boolean);
  return (
    <Group gap={4} aria-label={t('links.why')}>
      {labels.map((label) => (
        <Badge key={label} size="xs" variant="light" color="gray" c="gray.9" tt="none">
          {label}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * The ticket's knowledge articles and its similar past cases, below the fields. Each list is its own
 * query, fetched after the ticket shows; the module is a lazy chunk of the ticket page.
 */
/** One ranked list of the similar-cases section under its heading, or the sentence for none. */
function SimilarList(props: {
  id: string;
  title: string;
  empty: string;
  testId?: string;
  items: ReactNode[];
}) {
  return (
    <>
      <Title order={4} size="sm" id={props.id}>
        {props.title}
      </Title>
      {props.items.length === 0 ? (
        <Text size="sm" c="gray.8">
          {props.empty}
        </Text>
      ) : (
        <Stack
          component="ol"
          gap={6}
          m={0}
          p={0}
          aria-labelledby={props.id}
          style={{ listStyle: 'none' }}
          data-testid={props.testId}
        >
          {props.items}
        </Stack>
      )}
    </>
  );
}

export function TicketLinks({ ticket, canEdit }: TProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const articlesKey = ['ticket-articles', ticket.id];
  const linked = useQuery({ queryKey: articlesKey, queryFn: () => linksApi.ticketArticles(ticket.id) });
  const similar = useQuery({
    queryKey: ['ticket-similar', ticket.id],
    queryFn: () => linksApi.similar(ticket.id),
    staleTime: 60_000,
  });
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const found = useQuery({
    queryKey: ['article-search', debounced],
    queryFn: () => linksApi.searchArticles(debounced),
    enabled: canEdit && debounced.length > 0,
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [draft, setDraft] = useState<TArticle | null>(null);
  const isResolved = ticket.status === 'resolved' || ticket.status === 'closed';
  const linkedIds = new Set((linked.data?.items ?? []).map((a) => a.articleId));

  async function run(key: string, action: () => Promise<unknown>, done: string) {
    setBusy(key);
    try {
      await action();
      notify('teal', done);
    } catch (error) {
      notify('red', errorText(error), t('links.failed'));
    } finally {
      setBusy(null);
      await client.invalidateQueries({ queryKey: articlesKey });
    }
  }

  const makeDraft = () =>
    run('draft', async () => setDraft(await linksApi.draft(ticket.id)), t('links.draftMade'));

  const problem = similar.data?.problemCandidate;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="ticket-links-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="ticket-links-title">
          {t('links.title')}
        </Title>

        <Title order={3} size="h6" id="ticket-links-articles">
          {t('links.articles')}
        </Title>
        {linked.isPending && <Loader size="xs" aria-label={t('app.loading')} />}
        {linked.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorText(linked.error)}
          </Text>
        )}
        {linked.data && linked.data.items.length === 0 && (
          <Text size="sm" c="gray.8">
            {t('links.noArticles')}
          </Text>
        )}
        {linked.data && linked.data.items.length > 0 && (
          <Stack
            component="ul"
            gap={4}
            m={0}
            p={0}
            aria-labelledby="ticket-links-articles"
            style={{ listStyle: 'none' }}
          >
            {linked.data.items.map((a) => (
              <Group component="li" key={a.articleId} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  <Text span fw={600} c="gray.8">
                    {a.code}
                  </Text>{' '}
                  {a.title}{' '}
                  {a.status !== 'published' && (
                    <Text span size="xs" c="gray.8">
                      ({t(`links.status.${a.status}`)})
                    </Text>
                  )}
                </Text>
                {canEdit && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    aria-label={t('links.unlinkNamed', { code: a.code })}
                    loading={busy === `unlink-${a.articleId}`}
                    disabled={busy !== null}
                    onClick={() =>
                      void run(
                        `unlink-${a.articleId}`,
                        () => linksApi.unlink(a.articleId, ticket.id),
                        t('links.unlinked', { code: a.code }),
                      )
                    }
                  >
                    {t('links.unlink')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}

        {canEdit && (
          <>
            <TextInput
              size="xs"
              type="search"
              label={t('links.pickLabel')}
              placeholder={t('links.pickPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
            {found.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
            {debounced && found.data && (
              <Stack
                component="ul"
                gap={4}
                m={0}
                p={0}
                aria-label={t('links.pickResults')}
                style={{ listStyle: 'none' }}
              >
                {found.data.items.length === 0 && (
                  <Text component="li" size="sm" c="gray.8">
                    {t('links.pickNone')}
                  </Text>
                )}
                {found.data.items.map((hit) => (
                  <Group component="li" key={hit.id} justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm">
                      <Text span fw={600} c="gray.8">
                        {hit.number}
                      </Text>{' '}
                      {hit.title}
                    </Text>
                    {linkedIds.has(hit.id) ? (
                      <Text size="xs" c="gray.8">
                        {t('links.alreadyLinked')}
                      </Text>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="light"
                        c="indigo.9"
                        aria-label={t('links.linkNamed', { code: hit.number ?? hit.title })}
                        loading={busy === `link-${hit.id}`}
                        disabled={busy !== null}
                        onClick={() =>
                          void run(
                            `link-${hit.id}`,
                            () => linksApi.link(hit.id, ticket.id),
                            t('links.linked', { code: hit.number ?? hit.title }),
                          )
                        }
                      >
                        {t('links.link')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
            {isResolved && (
              <Button
                size="xs"
                variant="default"
                onClick={() => void makeDraft()}
                loading={busy === 'draft'}
                disabled={busy !== null}
              >
                {t('links.draft')}
              </Button>
            )}
            {draft && (
              <Alert color="teal" role="status" title={t('links.draftTitle')} c="dark.9">
                <Text size="sm">
                  <Text span fw={600}>
                    {draft.code}
                  </Text>{' '}
                  {draft.title}
                </Text>
                <Text size="xs" c="gray.8">
                  {t('links.draftHint')}
                </Text>
              </Alert>
            )}
          </>
        )}

        <Divider />
        <Title order={3} size="h6" id="ticket-similar-title">
          {t('links.similar')}
        </Title>
        {similar.isPending && <Loader size="xs" aria-label={t('app.loading')} />}
        {similar.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorText(similar.error)}
          </Text>
        )}
        {problem && (
          <Alert color="orange" variant="light" role="note" title={t('links.recurringTitle')} c="dark.9">
            <Text size="sm">
              {t('links.recurring', {
                count: problem.tickets.length,
                by: t(problem.sharedBy === 'system' ? 'links.bySystem' : 'links.byModule'),
              })}
            </Text>
            <Text size="xs">
              {problem.tickets.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <AnchorLink to="/tickets/$ref" params={{ ref: p.number }} c="indigo.9" underline="always">
                    {p.number}
                  </AnchorLink>
                </span>
              ))}
            </Text>
          </Alert>
        )}
        {similar.data && (
          <>
            <SimilarList
              id="ticket-similar-tickets"
              title={t('links.similarTickets')}
              empty={t('links.noSimilarTickets')}
              testId="similar-tickets"
              items={similar.data.tickets.map((s) => (
                <Stack component="li" key={s.id} gap={2}>
                  <Text size="sm">
                    <AnchorLink to="/tickets/$ref" params={{ ref: s.number }} c="indigo.9" underline="always">
                      {s.number}
                    </AnchorLink>{' '}
                    {s.title}{' '}
                    <Text span size="xs" c="gray.8">
                      ({t(`status.${s.status}`, { defaultValue: s.status })})
                    </Text>
                  </Text>
                  <Reasons reasons={s.reasons} />
                </Stack>
              ))}
            />
            <SimilarList
              id="ticket-similar-articles"
              title={t('links.similarArticles')}
              empty={t('links.noSimilarArticles')}
              items={similar.data.articles.map((a) => (
                <Stack component="li" key={a.id} gap={2}>
                  <Text size="sm">
                    <Text span fw={600} c="gray.8">
                      {a.code}
                    </Text>{' '}
                    {a.title}
                  </Text>
                  <Reasons reasons={a.reasons} />
                </Stack>
              ))}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
