import type { TOrganization, TRole, TUser } from '@hamkke/core';
import { Button, Group, PasswordInput, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../shell/session.js';
import { AdminFrame, FormAlert, READABLE, StateBadge } from './AdminFrame.js';
import { adminApi, ROLES } from './api.js';
import { EditDialog } from './EditDialog.js';
import { useFormErrors } from './form-errors.js';
import { useOrganizationList } from './queries.js';
import './messages-register.js';

/** Users and roles: the list with filters; admins create, change role and organization, deactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const isAdmin = me.role === 'admin';
  const [role, setRole] = useState<string | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [isActive, setIsActive] = useState<string | null>('true');
  const [editing, setEditing] = useState<TUser | 'new' | null>(null);
  const organizations = useOrganizationList();
  const users = useQuery({
    queryKey: ['admin-users', role, organizationId, isActive],
    queryFn: async () =>
      (
        await adminApi.users({
          role: role ?? undefined,
          organizationId: organizationId ?? undefined,
          isActive: isActive ?? undefined,
        })
      ).items,
  });
  const orgName = new Map((organizations.data ?? []).map((o) => [o.id, `${o.name} (${o.code})`]));
  const orgOptions = (organizations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }));

  return (
    <AdminFrame>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('admin.users.title')}
        </Title>
        {isAdmin && <Button onClick={() => setEditing('new')}>{t('admin.users.create')}</Button>}
      </Group>
      <Group gap="sm" role="search" aria-label={t('admin.users.filters')}>
        <Select
          label={t('admin.users.role')}
          placeholder={t('admin.all')}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={setRole}
          clearable
        />
        <Select
          label={t('admin.users.organization')}
          placeholder={t('admin.all')}
          data={orgOptions}
          value={organizationId}
          onChange={setOrganizationId}
          searchable
          clearable
        />
        <Select
          label={t('admin.users.state')}
          placeholder={t('admin.all')}
          data={[
            { value: 'true', label: t('admin.active') },
            { value: 'false', label: t('admin.inactive') },
          ]}
          value={isActive}
          onChange={setIsActive}
          clearable
        />
      </Group>
      {users.isError && <FormAlert message={users.error.message} />}
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover aria-label={t('admin.users.title')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.users.name')}</Table.Th>
              <Table.Th>{t('admin.users.email')}</Table.Th>
              <Table.Th>{t('admin.users.role')}</Table.Th>
              <Table.Th>{t('admin.users.organization')}</Table.Th>
              <Table.Th>{t('admin.users.state')}</Table.Th>
              {isAdmin && <Table.Th>{t('admin.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                <Table.Td>{u.organizationId ? (orgName.get(u.organizationId) ?? '') : ''}</Table.Td>
                <Table.Td>
                  <StateBadge isActive={u.isActive} />
                </Table.Td>
                {isAdmin && (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setEditing(u)}
                      aria-label={t('admin.editOf', { name: u.name })}
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
      {users.data?.length === 0 && <Text c="gray.8">{t('admin.users.none')}</Text>}
      {editing && (
        <UserModal
          user={editing === 'new' ? null : editing}
          organizations={organizations.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </AdminFrame>
  );
}

function UserModal({
  user,
  organizations,
  onClose,
}: {
  user: TUser | null;
  organizations: TOrganization[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<TRole>(user?.role ?? 'customer');
  const [organizationId, setOrganizationId] = useState<string | null>(user?.organizationId ?? null);
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<'ko' | 'en'>(user?.locale ?? 'ko');
  const [isActive, setIsActive] = useState(user?.isActive ?? true);
  const errors = useFormErrors();

  async function save(): Promise<string | null> {
    const org = role === 'customer' ? organizationId : null;
    if (user) {
      await adminApi.updateUser(user.id, {
        name,
        role,
        organizationId: org,
        locale,
        isActive,
        ...(password ? { password } : {}),
      });
    } else {
      await adminApi.createUser({
        email,
        name,
        role,
        organizationId: org,
        locale,
        ...(password ? { password } : {}),
      });
    }
    await client.invalidateQueries({ queryKey: ['admin-users'] });
    return user ? t('admin.saved') : t('admin.users.created', { name });
  }

  return (
    <EditDialog
      title={user ? t('admin.users.edit') : t('admin.users.create')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      <TextInput
        label={t('admin.users.email')}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={errors.of('email')}
        disabled={Boolean(user)}
        required
        type="email"
        data-autofocus
      />
      <TextInput
        label={t('admin.users.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.of('name')}
        required
      />
      <Group grow align="flex-start">
        <Select
          label={t('admin.users.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={(v) => setRole((v as TRole) ?? 'customer')}
          allowDeselect={false}
          error={errors.of('role')}
        />
        <Select
          label={t('admin.users.locale')}
          data={[
            { value: 'ko', label: '한국어' },
            { value: 'en', label: 'English' },
          ]}
          value={locale}
          onChange={(v) => setLocale(v === 'en' ? 'en' : 'ko')}
          allowDeselect={false}
          error={errors.of('locale')}
        />
      </Group>
      {role === 'customer' && (
        <Select
          label={t('admin.users.organization')}
          data={organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
          value={organizationId}
          onChange={setOrganizationId}
          searchable
          required
          error={errors.of('organizationId')}
        />
      )}
      <PasswordInput
        label={user ? t('admin.users.newPassword') : t('admin.users.password')}
        styles={READABLE}
        description={t('admin.users.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.of('password')}
        autoComplete="new-password"
      />
      {user && (
        <Switch
          label={t('admin.users.isActive')}
          styles={READABLE}
          description={t('admin.users.deactivateHint')}
          checked={isActive}
          onChange={(e) => setIsActive(e.currentTarget.checked)}
        />
      )}
    </EditDialog>
  );
}
