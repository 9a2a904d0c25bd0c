import type { TInspectionTemplate } from '@hamkke/core';
import { Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useUser } from '../shell/session.js';
import { useT } from '../team/use-t.js';
import { canPlan, inspectionApi } from './api.js';
import { TemplateDialog } from './TemplateDialog.js';

/** The checklist templates: each at its current version, any past version on request; managers edit. */
export function TemplatesPanel() {
  const t = useT();
  const user = useUser();
  const canEdit = canPlan(user.role);
  const templates = useQuery({
    queryKey: ['inspection-templates'],
    queryFn: async () => (await inspectionApi.templates()).items,
  });
  const [editing, setEditing] = useState<TInspectionTemplate | 'new' | null>(null);
  const [shown, setShown] = useState<{ id: string; version: number } | null>(null);
  return (
    <Stack gap="md">
      {canEdit && (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>{t('inspection.templates.create')}</Button>
        </Group>
      )}
      {templates.isPending && <Loader aria-label={t('app.loading')} />}
      {(templates.data?.length ?? 0) > 0 && (
        <Table fz="sm" aria-label={t('inspection.tabs.templates')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inspection.templates.name')}</Table.Th>
              <Table.Th>{t('inspection.templates.module')}</Table.Th>
              <Table.Th>{t('inspection.templates.versions')}</Table.Th>
              <Table.Th>{t('inspection.templates.items')}</Table.Th>
              <Table.Th>{t('inspection.templates.isActive')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {templates.data?.map((tpl) => (
              <Table.Tr key={tpl.id}>
                <Table.Td>{tpl.name}</Table.Td>
                <Table.Td>{tpl.module ?? ''}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${tpl.name} ${t('inspection.templates.showVersion')}`}
                    size="xs"
                    w={150}
                    data={Array.from({ length: tpl.currentVersion }, (_, i) => {
                      const v = tpl.currentVersion - i;
                      return {
                        value: String(v),
                        label: `${t('inspection.templates.version', { version: v })}${v === tpl.currentVersion ? ` (${t('inspection.templates.current')})` : ''}`,
                      };
                    })}
                    value={shown?.id === tpl.id ? String(shown.version) : null}
                    placeholder={t('inspection.templates.showVersion')}
                    onChange={(v) => v && setShown({ id: tpl.id, version: Number(v) })}
                  />
                </Table.Td>
                <Table.Td>{tpl.items.length}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={tpl.isActive ? 'teal' : 'gray'} c="dark.9">
                    {tpl.isActive ? t('inspection.templates.active') : t('inspection.templates.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setEditing(tpl)}
                      aria-label={t('inspection.templates.editOf', { name: tpl.name })}
                    >
                      {t('inspection.templates.edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown && <TemplateItems id={shown.id} version={shown.version} />}
      {editing && (
        <TemplateDialog
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => setShown({ id: saved.id, version: saved.version })}
        />
      )}
    </Stack>
  );
}

/** One version's items, grouped by area, with how to check and the expected result. */
function TemplateItems({ id, version }: { id: string; version: number }) {
  const t = useT();
  const template = useQuery({
    queryKey: ['inspection-template', id, version],
    queryFn: () => inspectionApi.template(id, version),
  });
  const data = template.data;
  if (!data) return <Loader size="sm" aria-label={t('app.loading')} />;
  const areas = [...new Set(data.items.map((i) => i.area))];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="template-items">
      <Title order={2} size="h4" id="template-items" mb="xs">
        {t('inspection.templates.itemsOf', { name: data.name, version: data.version })}
      </Title>
      {data.description && (
        <Text size="sm" mb="xs">
          {data.description}
        </Text>
      )}
      {areas.map((area) => (
        <Stack key={area} gap={4} mb="sm">
          <Title order={3} size="h5">
            {area}
          </Title>
          {data.items
            .filter((i) => i.area === area)
            .map((i) => (
              <div key={i.id}>
                <Text size="sm" fw={600}>
                  {i.title}
                </Text>
                <Text size="xs" c="gray.8">
                  {t('inspection.templates.guide')}: {i.guide || '–'} · {t('inspection.templates.expected')}:{' '}
                  {i.expected || '–'}
                </Text>
              </div>
            ))}
        </Stack>
      ))}
    </Paper>
  );
}
