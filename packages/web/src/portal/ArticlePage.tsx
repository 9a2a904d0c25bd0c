import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { ArticleBody } from './ArticleBody.js';
import { portalApi } from './api.js';
import './messages.js';

const route = getRouteApi('/portal/articles/$id');

/** A public knowledge article, readable on its own address (`/portal/articles/KB-12`). */
export function ArticlePage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const article = useQuery({ queryKey: ['article', id], queryFn: () => portalApi.article(id) });
  return (
    <Stack gap="sm" maw={860}>
      <AnchorLink to="/portal" size="sm" c="indigo.9">
        ← {t('portal.article.back')}
      </AnchorLink>
      {article.isPending && <Loader aria-label={t('app.loading')} />}
      {article.isError && (
        <Alert color="red" role="alert">
          {t('portal.article.notFound')}
        </Alert>
      )}
      {article.data && (
        <>
          <Title order={1} size="h2">
            {article.data.title}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="gray.8">
              {article.data.code}
            </Text>
            {article.data.modules.map((m) => (
              <Badge key={m} variant="light" c="indigo.9">
                {m}
              </Badge>
            ))}
            <Text size="sm" c="gray.8">
              {t('portal.article.updated', { time: formatDateTime(article.data.updatedAt) })}
            </Text>
          </Group>
          <Paper withBorder p="md" component="article">
            <ArticleBody body={article.data.body} baseOrder={2} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
