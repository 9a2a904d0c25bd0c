import type { TLevel, TSapModule } from '@hamkke/core';
import { priorityOf } from '@hamkke/core/domain';
import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVELS, SAP_MODULES } from '../domain.js';
import { Markdown } from '../markdown/Markdown.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { useUser } from '../shell/session.js';
import { ArticleSuggestions } from './ArticleSuggestions.js';
import { portalApi, type TArticleSuggestion } from './api.js';
import { FileDrop } from './FileDrop.js';
import './messages.js';

type TDraft = {
  type: 'inquiry' | 'incident';
  systemId: string | null;
  module: TSapModule | null;
  impact: TLevel;
  urgency: TLevel;
  title: string;
  description: string;
};

const EMPTY: TDraft = {
  type: 'inquiry',
  systemId: null,
  module: null,
  impact: 'medium',
  urgency: 'medium',
  title: '',
  description: '',
};

/** Mantine's dimmed description is too light on white (WCAG AA); this grey keeps 4.5:1. */
const Hint = ({ text }: { text: string }) => (
  <Text span size="xs" c="gray.8">
    {text}
  </Text>
);

/**
 * A new inquiry or incident: system, module, impact, urgency, title, Markdown description and files.
 * Public articles matching the draft show beside it; one that answers the question ends here.
 */
export function NewTicket() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<TDraft>(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [isPreview, setIsPreview] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [solvedBy, setSolvedBy] = useState<TArticleSuggestion | null>(null);
  const systems = useQuery({
    queryKey: ['systems', user.organizationId],
    queryFn: () => portalApi.systems(user.organizationId!),
    enabled: Boolean(user.organizationId),
    staleTime: 5 * 60_000,
  });
  const set = <K extends keyof TDraft>(key: K, value: TDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const system = systems.data?.find((s) => s.id === draft.systemId);
  const modules: readonly TSapModule[] = system && system.modules.length > 0 ? system.modules : SAP_MODULES;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.title.trim()) {
      setTitleError(t('portal.create.titleRequired'));
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      const ticket = await portalApi.createTicket({
        type: draft.type,
        title: draft.title.trim(),
        description: draft.description,
        impact: draft.impact,
        urgency: draft.urgency,
        ...(draft.systemId ? { systemId: draft.systemId } : {}),
        ...(draft.module ? { module: draft.module } : {}),
      });
      // The ticket stands once created; a refused file is said, and can be sent again as a reply.
      for (const file of files) {
        try {
          await portalApi.addAttachment(ticket.id, file);
        } catch (e) {
          notify(
            'red',
            t('portal.create.fileFailed', { name: file.name, detail: e instanceof Error ? e.message : '' }),
          );
        }
      }
      notify('teal', t('portal.create.created', { number: ticket.number }));
      void client.invalidateQueries({ queryKey: ['tickets'] });
      await navigate({ to: '/portal/tickets/$ref', params: { ref: ticket.number } });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setIsBusy(false);
    }
  }

  if (solvedBy)
    return (
      <Paper withBorder p="lg" role="status">
        <Title order={1} size="h3" mb="xs">
          {t('portal.suggest.thanksTitle')}
        </Title>
        <Text mb="md">{t('portal.suggest.thanks')}</Text>
        <Group>
          <AnchorLink to="/portal" c="indigo.9" fw={600}>
            {t('portal.suggest.backToList')}
          </AnchorLink>
          <Button
            variant="default"
            onClick={() => {
              setSolvedBy(null);
              setDraft(EMPTY);
              setFiles([]);
            }}
          >
            {t('portal.suggest.writeAnother')}
          </Button>
        </Group>
      </Paper>
    );

  const levelData = (kind: 'impacts' | 'urgencies') =>
    LEVELS.map((level) => ({ value: level, label: t(`portal.create.${kind}.${level}`) }));

  return (
    <Stack gap="sm">
      <div>
        <Title order={1} size="h2">
          {t('portal.create.title')}
        </Title>
        <Text size="sm" c="gray.8">
          {t('portal.create.intro')}
        </Text>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form onSubmit={submit} aria-label={t('portal.create.title')} noValidate>
            <Stack gap="sm">
              <Radio.Group
                label={t('portal.create.type')}
                value={draft.type}
                onChange={(value) => set('type', value as TDraft['type'])}
              >
                <Group gap="xl" mt={4}>
                  <Radio
                    value="inquiry"
                    label={t('portal.create.types.inquiry')}
                    description={<Hint text={t('portal.create.types.inquiryHint')} />}
                  />
                  <Radio
                    value="incident"
                    label={t('portal.create.types.incident')}
                    description={<Hint text={t('portal.create.types.incidentHint')} />}
                  />
                </Group>
              </Radio.Group>
              <Group grow align="flex-start">
                <Select
                  label={t('portal.create.system')}
                  placeholder={t('portal.create.systemNone')}
                  clearable
                  value={draft.systemId}
                  onChange={(value) => {
                    const chosen = systems.data?.find((s) => s.id === value);
                    setDraft((d) => ({
                      ...d,
                      systemId: value,
                      module:
                        chosen && d.module && chosen.modules.length > 0 && !chosen.modules.includes(d.module)
                          ? null
                          : d.module,
                    }));
                  }}
                  data={(systems.data ?? []).map((s) => ({
                    value: s.id,
                    label: `${s.sid} (${s.tier}) · ${s.product}`,
                  }))}
                />
                <Select
                  label={t('portal.create.module')}
                  placeholder={t('portal.create.moduleNone')}
                  clearable
                  searchable
                  value={draft.module}
                  onChange={(value) => set('module', value as TSapModule | null)}
                  data={[...modules]}
                />
              </Group>
              <Group grow align="flex-start">
                <Select
                  label={t('portal.create.impact')}
                  value={draft.impact}
                  allowDeselect={false}
                  onChange={(value) => value && set('impact', value as TLevel)}
                  data={levelData('impacts')}
                />
                <Select
                  label={t('portal.create.urgency')}
                  value={draft.urgency}
                  allowDeselect={false}
                  onChange={(value) => value && set('urgency', value as TLevel)}
                  data={levelData('urgencies')}
                />
              </Group>
              <Text size="sm" c="gray.8" aria-live="polite">
                {t('portal.create.priority', { priority: priorityOf(draft.impact, draft.urgency) })}
              </Text>
              <TextInput
                label={t('portal.create.ticketTitle')}
                required
                maxLength={200}
                value={draft.title}
                error={titleError}
                onChange={(e) => {
                  set('title', e.currentTarget.value);
                  setTitleError(null);
                }}
              />
              <div>
                <Group justify="space-between" align="flex-end">
                  <Text component="label" htmlFor="portal-description" size="sm" fw={500}>
                    {t('portal.create.description')}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-pressed={isPreview}
                    onClick={() => setIsPreview((p) => !p)}
                  >
                    {isPreview ? t('portal.create.edit') : t('portal.create.preview')}
                  </Button>
                </Group>
                {isPreview ? (
                  <Paper withBorder p="xs" mih={140}>
                    <Markdown text={draft.description} />
                  </Paper>
                ) : (
                  <Textarea
                    id="portal-description"
                    description={<Hint text={t('portal.create.descriptionHint')} />}
                    autosize
                    minRows={6}
                    maxLength={50000}
                    value={draft.description}
                    onChange={(e) => set('description', e.currentTarget.value)}
                  />
                )}
              </div>
              <FileDrop files={files} onChange={setFiles} label={t('portal.create.files')} />
              {error && (
                <Alert color="red" role="alert" title={t('portal.create.failed')}>
                  {error}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={isBusy}>
                  {t('portal.create.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ArticleSuggestions title={draft.title} description={draft.description} onSolved={setSolvedBy} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
