import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { portalApi } from './api.js';
import './messages.js';

const SCORES = [1, 2, 3, 4, 5] as const;
const KEY = (ticketId: string) => `hamkke.portal.rated.${ticketId}`;

function rememberedRating(ticketId: string): number | null {
  try {
    const value = Number(localStorage.getItem(KEY(ticketId)));
    return value >= 1 && value <= 5 ? value : null;
  } catch {
    return null;
  }
}

/**
 * The requester rates a resolved ticket 1–5 with an optional comment (POST /tickets/:id/rating),
 * once. The API has no read of one's own rating, so this browser remembers it; elsewhere a second
 * answer is refused (409) and the server's reason is shown instead of the form.
 */
export function RateTicket({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Rated here, or refused for good by the server (answered elsewhere 409, expired or withdrawn 410).
  const [done, setDone] = useState<{ rating: number | null; message?: string } | null>(() => {
    const remembered = rememberedRating(ticketId);
    return remembered ? { rating: remembered } : null;
  });

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!rating) return;
    setIsBusy(true);
    setError(null);
    try {
      const survey = await portalApi.rate(ticketId, { rating: Number(rating), comment });
      try {
        localStorage.setItem(KEY(ticketId), String(survey.rating ?? rating));
      } catch {
        // Storage disabled: the thanks shows until the page is left.
      }
      setDone({ rating: survey.rating ?? Number(rating) });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 410))
        setDone({ rating: null, message: e.message });
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="portal-rating-title">
      <Title order={2} size="h5" id="portal-rating-title" mb="xs">
        {t('portal.rating.title')}
      </Title>
      {done ? (
        <Text role="status" data-testid="rating-done">
          {done.rating
            ? t('portal.rating.thanks', { rating: done.rating })
            : (done.message ?? t('portal.rating.already'))}
        </Text>
      ) : (
        <form onSubmit={send} aria-label={t('portal.rating.title')}>
          <Stack gap="xs">
            <Radio.Group label={t('portal.rating.question')} value={rating} onChange={setRating} required>
              <Group gap="md" mt={4}>
                {SCORES.map((score) => (
                  <Radio key={score} value={String(score)} label={t(`portal.rating.scores.r${score}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t('portal.rating.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            {error && (
              <Alert color="red" role="alert" title={t('portal.rating.failed')}>
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={isBusy} disabled={!rating}>
                {t('portal.rating.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
