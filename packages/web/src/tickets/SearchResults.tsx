import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { AnchorLink } from '../shell/AnchorLink.js';

/** Full-text search hits (GET /search), best first; Korean and SAP terms as the server tokenizes them. */
export function SearchResults({ q, onClear }: { q: string; onClear: () => void }) {
  const { t } = useTranslation();
  const hits = useQuery({ queryKey: ['search', q], queryFn: () => api.search(q) });
  return (
    <section aria-labelledby="search-results">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="search-results">
          {t('list.searchResults', { q })}
        </Title>
        <Button size="xs" variant="default" onClick={onClear}>
          {t('list.clearSearch')}
        </Button>
      </Group>
      {hits.isPending && <Loader aria-label={t('app.loading')} />}
      {hits.isError && (
        <Alert color="red" role="alert">
          {hits.error.message}
        </Alert>
      )}
      {hits.data && hits.data.items.length === 0 && <Text>{t('list.none')}</Text>}
      <Stack gap="xs">
        {hits.data?.items.map((hit) => (
          <div key={hit.id}>
            <AnchorLink to="/tickets/$ref" params={{ ref: hit.number ?? hit.id }} c="indigo.9">
              {hit.number} {hit.title}
            </AnchorLink>
            <Text size="sm" c="gray.8" lineClamp={2}>
              {hit.snippet}
            </Text>
          </div>
        ))}
      </Stack>
    </section>
  );
}
