import type { TSapModule, TSystem } from '@hamkke/core';
import {
  Button,
  Group,
  MultiSelect,
  Select,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StateBadge } from '../admin/AdminFrame.js';
import { adminApi, TIERS } from '../admin/api.js';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { SAP_MODULES } from '../domain.js';
import '../admin/messages-register.js';

/** The customer's SAP systems; agents, managers and admins add and edit them. */
export function SystemsSection({ organizationId, canEdit }: { organizationId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const systems = useQuery({
    queryKey: ['systems', organizationId],
    queryFn: async () => (await adminApi.systems(organizationId)).items,
  });
  const [editing, setEditing] = useState<TSystem | 'new' | null>(null);
  return (
    <section aria-labelledby="systems-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="systems-title">
          {t('customer.systems')}
        </Title>
        {canEdit && (
          <Button size="compact-sm" onClick={() => setEditing('new')}>
            {t('customer.addSystem')}
          </Button>
        )}
      </Group>
      {systems.data?.length === 0 && <Text c="gray.8">{t('customer.noSystems')}</Text>}
      {(systems.data?.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table fz="sm" aria-labelledby="systems-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer.sid')}</Table.Th>
                <Table.Th>{t('customer.tier')}</Table.Th>
                <Table.Th>{t('customer.client')}</Table.Th>
                <Table.Th>{t('customer.product')}</Table.Th>
                <Table.Th>{t('customer.modules')}</Table.Th>
                <Table.Th>{t('admin.users.state')}</Table.Th>
                {canEdit && <Table.Th>{t('admin.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {systems.data?.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.sid}</Table.Td>
                  <Table.Td>{s.tier}</Table.Td>
                  <Table.Td>{s.client ?? ''}</Table.Td>
                  <Table.Td>
                    {s.product} {s.release}
                  </Table.Td>
                  <Table.Td>{s.modules.join(', ')}</Table.Td>
                  <Table.Td>
                    <StateBadge isActive={s.isActive} />
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing(s)}
                        aria-label={t('admin.editOf', { name: `${s.sid} ${s.tier}` })}
                      >
                        {t('admin.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <SystemModal
          organizationId={organizationId}
          system={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function SystemModal({
  organizationId,
  system,
  onClose,
}: {
  organizationId: string;
  system: TSystem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [sid, setSid] = useState(system?.sid ?? '');
  const [tier, setTier] = useState<TSystem['tier']>(system?.tier ?? 'PRD');
  const [sapClient, setSapClient] = useState(system?.client ?? '');
  const [product, setProduct] = useState(system?.product ?? 'S/4HANA');
  const [release, setRelease] = useState(system?.release ?? '');
  const [modules, setModules] = useState<string[]>(system?.modules ?? []);
  const [description, setDescription] = useState(system?.description ?? '');
  const [isActive, setIsActive] = useState(system?.isActive ?? true);
  const errors = useFormErrors();

  async function save(): Promise<string | null> {
    const fields = {
      sid,
      tier,
      client: sapClient.trim() === '' ? null : sapClient.trim(),
      product,
      release,
      modules: modules as TSapModule[],
      description,
    };
    if (system) await adminApi.updateSystem(system.id, { ...fields, isActive });
    else await adminApi.createSystem(organizationId, fields);
    await client.invalidateQueries({ queryKey: ['systems', organizationId] });
    return t('admin.saved');
  }

  return (
    <EditDialog
      title={system ? t('customer.editSystem') : t('customer.addSystem')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('customer.sid')}
          value={sid}
          onChange={(e) => setSid(e.currentTarget.value)}
          error={errors.of('sid')}
          required
          data-autofocus
        />
        <Select
          label={t('customer.tier')}
          data={[...TIERS]}
          value={tier}
          onChange={(v) => setTier((v as TSystem['tier']) ?? 'PRD')}
          allowDeselect={false}
          error={errors.of('tier')}
        />
        <TextInput
          label={t('customer.client')}
          value={sapClient}
          onChange={(e) => setSapClient(e.currentTarget.value)}
          error={errors.of('client')}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('customer.product')}
          value={product}
          onChange={(e) => setProduct(e.currentTarget.value)}
          error={errors.of('product')}
          required
        />
        <TextInput
          label={t('customer.release')}
          value={release}
          onChange={(e) => setRelease(e.currentTarget.value)}
          error={errors.of('release')}
        />
      </Group>
      <MultiSelect
        label={t('customer.modules')}
        data={[...SAP_MODULES]}
        value={modules}
        onChange={setModules}
        searchable
        error={errors.of('modules')}
      />
      <Textarea
        label={t('customer.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.of('description')}
        autosize
        minRows={2}
      />
      {system && (
        <Switch
          label={t('admin.active')}
          checked={isActive}
          onChange={(e) => setIsActive(e.currentTarget.checked)}
        />
      )}
    </EditDialog>
  );
}
