import type { TOrganization } from '@hamkke/core';
import { Button, Group, Switch, Table, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../shell/AnchorLink.js';
import { AdminFrame, FormAlert, READABLE, StateBadge } from './AdminFrame.js';
import { adminApi } from './api.js';
import { EditDialog } from './EditDialog.js';
import { useFormErrors } from './form-errors.js';
import { useOrganizationList } from './queries.js';
import './messages-register.js';

/** Organizations (customers): create, edit name and special notes, deactivate; systems and contracts on the customer page. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const organizations = useOrganizationList();
  const [editing, setEditing] = useState<TOrganization | 'new' | null>(null);
  return (
    <AdminFrame>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('admin.organizations.title')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('admin.organizations.create')}</Button>
      </Group>
      {organizations.isError && <FormAlert message={organizations.error.message} />}
      <Table highlightOnHover aria-label={t('admin.organizations.title')} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.organizations.name')}</Table.Th>
            <Table.Th>{t('admin.organizations.code')}</Table.Th>
            <Table.Th>{t('admin.users.state')}</Table.Th>
            <Table.Th>{t('admin.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(organizations.data ?? []).map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <AnchorLink to="/customers/$id" params={{ id: o.id }} c="indigo.9">
                  {o.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{o.code}</Table.Td>
              <Table.Td>
                <StateBadge isActive={o.isActive} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setEditing(o)}
                  aria-label={t('admin.editOf', { name: o.name })}
                >
                  {t('admin.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <OrganizationModal
          organization={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </AdminFrame>
  );
}

function OrganizationModal({
  organization,
  onClose,
}: {
  organization: TOrganization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(organization?.name ?? '');
  const [code, setCode] = useState(organization?.code ?? '');
  const [specialNotes, setSpecialNotes] = useState(organization?.specialNotes ?? '');
  const [isActive, setIsActive] = useState(organization?.isActive ?? true);
  const errors = useFormErrors();

  async function save(): Promise<string | null> {
    if (organization) await adminApi.updateOrganization(organization.id, { name, specialNotes, isActive });
    else await adminApi.createOrganization({ name, code, specialNotes });
    await client.invalidateQueries({ queryKey: ['organizations'] });
    await client.invalidateQueries({ queryKey: ['organization'] });
    return organization ? t('admin.saved') : t('admin.organizations.created', { name });
  }

  return (
    <EditDialog
      title={organization ? t('admin.organizations.edit') : t('admin.organizations.create')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      <TextInput
        label={t('admin.organizations.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.of('name')}
        required
        data-autofocus
      />
      <TextInput
        label={t('admin.organizations.code')}
        styles={READABLE}
        description={organization ? t('admin.organizations.codeFixed') : t('admin.organizations.codeHint')}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={errors.of('code')}
        disabled={Boolean(organization)}
        required
      />
      <Textarea
        label={t('customer.specialNotes')}
        value={specialNotes}
        onChange={(e) => setSpecialNotes(e.currentTarget.value)}
        error={errors.of('specialNotes')}
        autosize
        minRows={3}
      />
      {organization && (
        <Switch
          label={t('admin.organizations.isActive')}
          checked={isActive}
          onChange={(e) => setIsActive(e.currentTarget.checked)}
        />
      )}
    </EditDialog>
  );
}
