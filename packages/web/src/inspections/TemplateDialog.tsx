import type { TInspectionItemInput, TInspectionTemplate } from '@hamkke/core';
import { ActionIcon, Button, Group, Paper, Select, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { SAP_MODULES } from '../domain.js';
import { useT } from '../team/use-t.js';
import { inspectionApi } from './api.js';

type TDraftItem = { id?: string; area: string; title: string; guide: string; expected: string; key: number };
let nextKey = 0;
const draftOf = (item?: Partial<TInspectionItemInput>): TDraftItem => ({
  ...(item?.id ? { id: item.id } : {}),
  area: item?.area ?? '',
  title: item?.title ?? '',
  guide: item?.guide ?? '',
  expected: item?.expected ?? '',
  key: nextKey++,
});

/** Creates a template or edits one: a change of content saves a new version; item ids are kept across versions. */
export function TemplateDialog({
  template,
  onClose,
  onSaved,
}: {
  template: TInspectionTemplate | null;
  onClose: () => void;
  onSaved: (saved: TInspectionTemplate) => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [module, setModule] = useState(template?.module ?? '');
  const [isActive, setIsActive] = useState(template?.isActive ?? true);
  const [items, setItems] = useState<TDraftItem[]>(() =>
    template ? template.items.map((i) => draftOf(i)) : [draftOf({ area: 'Basis' })],
  );
  const update = (key: number, change: Partial<TDraftItem>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  async function save() {
    const content = {
      name,
      description,
      module: (module || null) as (typeof SAP_MODULES)[number] | null,
      items: items.map(({ key: _key, ...item }) => item),
    };
    const saved = template
      ? await inspectionApi.updateTemplate(template.id, { ...content, isActive })
      : await inspectionApi.createTemplate(content);
    await client.invalidateQueries({ queryKey: ['inspection-templates'] });
    onSaved(saved);
    return t('inspection.templates.saved', { version: saved.version });
  }

  return (
    <EditDialog
      title={template ? t('inspection.templates.edit') : t('inspection.templates.create')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      {template && (
        <Text size="sm" c="gray.8">
          {t('inspection.templates.versionHint')}
        </Text>
      )}
      <TextInput
        label={t('inspection.templates.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        error={errors.of('name')}
      />
      <Textarea
        label={t('inspection.templates.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={1}
        error={errors.of('description')}
      />
      <Group grow>
        <Select
          label={t('inspection.templates.module')}
          data={[
            { value: '', label: t('inspection.templates.noModule') },
            ...SAP_MODULES.map((m) => ({ value: m, label: m })),
          ]}
          value={module}
          onChange={(v) => setModule(v ?? '')}
          allowDeselect={false}
          error={errors.of('module')}
        />
        {template && (
          <Switch
            label={t('inspection.templates.isActive')}
            checked={isActive}
            onChange={(e) => setIsActive(e.currentTarget.checked)}
            mt="lg"
          />
        )}
      </Group>
      <Text fw={600} size="sm">
        {t('inspection.templates.items')}
      </Text>
      {errors.of('items') && (
        <Text size="sm" c="red.9" role="alert">
          {errors.of('items')}
        </Text>
      )}
      {items.map((item, n) => (
        <Paper key={item.key} withBorder p="xs">
          <Group grow align="flex-start" gap="xs">
            <TextInput
              label={`${n + 1}. ${t('inspection.templates.area')}`}
              value={item.area}
              onChange={(e) => update(item.key, { area: e.currentTarget.value })}
              required
            />
            <TextInput
              label={`${n + 1}. ${t('inspection.templates.itemTitle')}`}
              value={item.title}
              onChange={(e) => update(item.key, { title: e.currentTarget.value })}
              required
            />
            <ActionIcon
              variant="subtle"
              color="red"
              c="red.9"
              mt="xl"
              style={{ flexGrow: 0 }}
              aria-label={t('inspection.templates.removeItemOf', { n: n + 1 })}
              disabled={items.length === 1}
              onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
            >
              ✕
            </ActionIcon>
          </Group>
          <Textarea
            label={`${n + 1}. ${t('inspection.templates.guide')}`}
            value={item.guide}
            onChange={(e) => update(item.key, { guide: e.currentTarget.value })}
            autosize
            minRows={1}
          />
          <TextInput
            label={`${n + 1}. ${t('inspection.templates.expected')}`}
            value={item.expected}
            onChange={(e) => update(item.key, { expected: e.currentTarget.value })}
          />
        </Paper>
      ))}
      <Button
        variant="default"
        size="compact-sm"
        onClick={() => setItems((list) => [...list, draftOf({ area: list[list.length - 1]?.area ?? '' })])}
      >
        {t('inspection.templates.addItem')}
      </Button>
    </EditDialog>
  );
}
