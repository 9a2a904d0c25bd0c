import { Alert, Anchor, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleBody } from './ArticleBody.js';
import { portalApi, type TArticleSuggestion } from './api.js';
import './messages.js';

/** The words of a draft worth searching on: the title and the start of the description. */
const queryOf = (title: string, description: string) =>
  `${title} ${description}`.replace(/\s+/g, ' ').trim().slice(0, 500);

/**
 * Public articles that match what the customer is writing, refreshed as they type (debounced). One
 * opens in a reader; "solved by this article" reports a deflection and submits nothing.
 */
export function ArticleSuggestions({
  title,
  description,
  onSolved,
}: {
  title: string;
  description: string;
  onSolved: (article: TArticleSuggestion) => void;
}) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(queryOf(title, description), 350);
  const [reading, setReading] = useState<TArticleSuggestion | null>(null);
  const suggestions = useQuery({
    queryKey: ['articles', 'suggest', q],
    queryFn: () => portalApi.suggest(q),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
  const items = q.length >= 2 ? (suggestions.data?.items ?? []) : [];
  return (
    <section aria-labelledby="portal-suggest-title">
      <Title order={2} size="h5" id="portal-suggest-title" mb={4}>
        {t('portal.suggest.title')}
      </Title>
      <Text size="xs" c="gray.8" role="status" aria-live="polite">
        {items.length > 0 ? t('portal.suggest.found', { count: items.length }) : ''}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((article) => (
          <Paper key={article.id} component="li" withBorder p="xs" data-article={article.code}>
            <Anchor
              component="button"
              type="button"
              fw={600}
              c="indigo.9"
              ta="left"
              onClick={() => setReading(article)}
              aria-label={t('portal.suggest.read', { title: article.title })}
            >
              {article.title}
            </Anchor>
            <Text size="xs" c="gray.8">
              {article.code}
              {article.modules.length > 0 ? ` · ${article.modules.join(', ')}` : ''}
            </Text>
            {article.snippet && <Text size="sm">{article.snippet}</Text>}
          </Paper>
        ))}
      </Stack>
      <ArticleReader
        article={reading}
        query={q}
        onClose={() => setReading(null)}
        onSolved={(article) => {
          setReading(null);
          onSolved(article);
        }}
      />
    </section>
  );
}

function ArticleReader({
  article,
  query,
  onClose,
  onSolved,
}: {
  article: TArticleSuggestion | null;
  query: string;
  onClose: () => void;
  onSolved: (article: TArticleSuggestion) => void;
}) {
  const { t } = useTranslation();
  const full = useQuery({
    queryKey: ['article', article?.id],
    queryFn: () => portalApi.article(article!.id),
    enabled: article !== null,
  });
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const solved = async () => {
    if (!article) return;
    setIsBusy(true);
    setError(null);
    try {
      await portalApi.deflect(article.id, query);
      onSolved(article);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Modal
      opened={article !== null}
      onClose={onClose}
      title={article?.title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      {full.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {full.isError && (
        <Alert color="red" role="alert">
          {t('portal.article.notFound')}
        </Alert>
      )}
      {full.data && (
        <Stack gap="sm">
          <Text size="xs" c="gray.8">
            {full.data.code}
          </Text>
          <ArticleBody body={full.data.body} baseOrder={3} />
          {error && (
            <Alert color="red" role="alert" title={t('portal.suggest.failed')}>
              {error}
            </Alert>
          )}
          <Group justify="space-between">
            <Anchor href={`/portal/articles/${full.data.code}`} target="_blank" size="sm" c="indigo.9">
              {t('portal.suggest.openPage')}
            </Anchor>
            <Button color="teal.9" loading={isBusy} onClick={() => void solved()}>
              {t('portal.suggest.solved')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
