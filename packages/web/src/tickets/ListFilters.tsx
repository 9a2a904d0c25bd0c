import {
  ActionIcon,
  Button,
  Group,
  Menu,
  MultiSelect,
  Popover,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PRIORITIES,
  SAP_MODULES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TTicketSort,
} from '../domain.js';
import type { TListSearch } from './list-search.js';
import { useSavedViews } from './saved-views.js';

/** The list's filters and sort (as GET /tickets supports them), and the saved views. */
export const ListFilters = memo(function ListFilters({
  search,
  userId,
}: {
  search: TListSearch;
  userId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/tickets' });
  const saved = useSavedViews(userId);
  const [viewName, setViewName] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const set = (key: 'status' | 'type' | 'priority' | 'module', values: string[]) =>
    void navigate({ search: (s) => ({ ...s, [key]: values.length > 0 ? values : undefined }) });
  const saveView = (event: FormEvent) => {
    event.preventDefault();
    if (!viewName.trim()) return;
    saved.save(viewName.trim(), search);
    setViewName('');
    setIsSaving(false);
  };
  return (
    <Group align="flex-end" gap="xs" mb="sm" wrap="wrap">
      <MultiSelect
        size="xs"
        w={180}
        label={t('list.status')}
        data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={search.status ?? []}
        onChange={(v) => set('status', v)}
        clearable
      />
      <MultiSelect
        size="xs"
        w={150}
        label={t('list.type')}
        data={TICKET_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
        value={search.type ?? []}
        onChange={(v) => set('type', v)}
        clearable
      />
      <MultiSelect
        size="xs"
        w={130}
        label={t('list.priority')}
        data={[...PRIORITIES]}
        value={search.priority ?? []}
        onChange={(v) => set('priority', v)}
        clearable
      />
      <MultiSelect
        size="xs"
        w={130}
        label={t('list.module')}
        data={[...SAP_MODULES]}
        value={search.module ?? []}
        onChange={(v) => set('module', v)}
        searchable
        clearable
      />
      <Select
        size="xs"
        w={170}
        label={t('list.sort')}
        data={TICKET_SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))}
        value={search.sort ?? '-updatedAt'}
        onChange={(v) =>
          void navigate({ search: (s) => ({ ...s, sort: (v as TTicketSort | null) ?? undefined }) })
        }
        allowDeselect={false}
      />
      <Menu position="bottom-start">
        <Menu.Target>
          <Button size="xs" variant="default">
            {t('list.savedViews')} ({saved.views.length})
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('list.savedViewsNote')}</Menu.Label>
          {saved.views.map((view) => (
            <Group key={view.name} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => void navigate({ search: view.search })}>{view.name}</Menu.Item>
              <ActionIcon
                variant="subtle"
                color="red.9"
                aria-label={t('list.deleteView', { name: view.name })}
                onClick={() => saved.remove(view.name)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={isSaving} onChange={setIsSaving} trapFocus position="bottom-end">
        <Popover.Target>
          <Button size="xs" variant="default" onClick={() => setIsSaving((o) => !o)}>
            {t('list.saveView')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form onSubmit={saveView}>
            <Stack gap="xs">
              <TextInput
                size="xs"
                label={t('list.viewName')}
                value={viewName}
                onChange={(e) => setViewName(e.currentTarget.value)}
                required
                maxLength={60}
              />
              <Text size="xs" c="gray.8">
                {t('list.savedViewsNote')}
              </Text>
              <Button size="xs" type="submit">
                {t('list.saveView')}
              </Button>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
});
