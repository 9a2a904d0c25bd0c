import type { TCreateMailbox, TMailbox } from '@hamkke/core';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.js';
import { notify } from '../shell/notify.js';
import { READABLE, StateBadge } from './AdminFrame.js';
import { adminApi } from './api.js';
import { EditDialog } from './EditDialog.js';
import { useFormErrors } from './form-errors.js';
import { useOrganizationList } from './queries.js';
import './messages-register.js';

const MAILBOXES = ['mailboxes'] as const;

/** IMAP mailboxes: add, edit, remove; the password is write-only and the last error is shown. */
export function MailboxesPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mailboxes = useQuery({
    queryKey: MAILBOXES,
    queryFn: async () => (await adminApi.mailboxes()).items,
  });
  const [editing, setEditing] = useState<TMailbox | 'new' | null>(null);

  async function remove(mailbox: TMailbox) {
    if (!window.confirm(t('admin.mail.confirmDelete', { name: mailbox.name }))) return;
    try {
      await adminApi.deleteMailbox(mailbox.id);
      await client.invalidateQueries({ queryKey: MAILBOXES });
    } catch (error) {
      notify('red', error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('admin.mail.mailboxes')}</Text>
        <Button size="compact-sm" onClick={() => setEditing('new')}>
          {t('admin.mail.addMailbox')}
        </Button>
      </Group>
      {mailboxes.data?.length === 0 && <Text c="gray.8">{t('admin.mail.noMailboxes')}</Text>}
      {(mailboxes.data?.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" aria-label={t('admin.mail.mailboxes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.mail.name')}</Table.Th>
                <Table.Th>{t('admin.mail.server')}</Table.Th>
                <Table.Th>{t('admin.mail.folder')}</Table.Th>
                <Table.Th>{t('admin.mail.lastPolled')}</Table.Th>
                <Table.Th>{t('admin.users.state')}</Table.Th>
                <Table.Th>{t('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mailboxes.data?.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>
                    {m.username}@{m.host}:{m.port}
                  </Table.Td>
                  <Table.Td>{m.folder}</Table.Td>
                  <Table.Td>
                    {formatDateTime(m.lastPolledAt)}
                    {m.lastError && (
                      <Text size="xs" c="red.9" role="note">
                        {t('admin.mail.lastError')}: {m.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge isActive={m.isActive} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing(m)}
                        aria-label={t('admin.editOf', { name: m.name })}
                      >
                        {t('admin.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        c="red.9"
                        onClick={() => void remove(m)}
                        aria-label={t('admin.deleteOf', { name: m.name })}
                      >
                        {t('admin.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <MailboxModal mailbox={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function MailboxModal({ mailbox, onClose }: { mailbox: TMailbox | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organizations = useOrganizationList();
  const [name, setName] = useState(mailbox?.name ?? '');
  const [host, setHost] = useState(mailbox?.host ?? '');
  const [port, setPort] = useState<number | string>(mailbox?.port ?? 993);
  const [isTls, setIsTls] = useState(mailbox?.isTls ?? true);
  const [username, setUsername] = useState(mailbox?.username ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [pollSeconds, setPollSeconds] = useState<number | string>(mailbox?.pollSeconds ?? 60);
  const [isActive, setIsActive] = useState(mailbox?.isActive ?? true);
  const [unknownSender, setUnknownSender] = useState<TMailbox['unknownSender']>(
    mailbox?.unknownSender ?? 'triage',
  );
  const [defaultOrganizationId, setDefaultOrg] = useState<string | null>(
    mailbox?.defaultOrganizationId ?? null,
  );
  const errors = useFormErrors();

  async function save(): Promise<string | null> {
    const fields: Partial<TCreateMailbox> = {
      name,
      host,
      port: Number(port),
      isTls,
      username,
      folder,
      pollSeconds: Number(pollSeconds),
      isActive,
      unknownSender,
      defaultOrganizationId,
    };
    if (password !== '' || !mailbox) fields.password = password;
    if (mailbox) await adminApi.updateMailbox(mailbox.id, fields);
    else await adminApi.createMailbox(fields);
    await client.invalidateQueries({ queryKey: MAILBOXES });
    return t('admin.saved');
  }

  return (
    <EditDialog
      title={mailbox ? t('admin.mail.editMailbox') : t('admin.mail.addMailbox')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      {mailbox?.lastError && (
        <Alert color="red" variant="light" c="red.9" title={t('admin.mail.lastError')}>
          {mailbox.lastError}
        </Alert>
      )}
      <TextInput
        label={t('admin.mail.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.of('name')}
        required
        data-autofocus
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('admin.mail.host')}
          value={host}
          onChange={(e) => setHost(e.currentTarget.value)}
          error={errors.of('host')}
          required
        />
        <NumberInput
          label={t('admin.mail.port')}
          value={port}
          onChange={setPort}
          allowDecimal={false}
          error={errors.of('port')}
        />
      </Group>
      <Switch
        label={t('admin.mail.isTls')}
        checked={isTls}
        onChange={(e) => setIsTls(e.currentTarget.checked)}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('admin.mail.username')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={errors.of('username')}
          required
          autoComplete="off"
        />
        <PasswordInput
          label={t('admin.mail.password')}
          styles={READABLE}
          description={mailbox?.hasPassword ? t('admin.mail.passwordSet') : t('admin.mail.passwordNone')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.of('password')}
          required={!mailbox}
          autoComplete="new-password"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('admin.mail.folder')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.of('folder')}
        />
        <NumberInput
          label={t('admin.mail.pollSeconds')}
          value={pollSeconds}
          onChange={setPollSeconds}
          allowDecimal={false}
          error={errors.of('pollSeconds')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('admin.mail.unknownSender')}
          data={[
            { value: 'triage', label: t('admin.mail.policy.triage') },
            { value: 'reject', label: t('admin.mail.policy.reject') },
          ]}
          value={unknownSender}
          onChange={(v) => setUnknownSender(v === 'reject' ? 'reject' : 'triage')}
          allowDeselect={false}
          error={errors.of('unknownSender')}
        />
        <Select
          label={t('admin.mail.defaultOrganization')}
          data={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
          value={defaultOrganizationId}
          onChange={setDefaultOrg}
          searchable
          clearable
          error={errors.of('defaultOrganizationId')}
        />
      </Group>
      <Switch
        label={t('admin.mail.isActive')}
        checked={isActive}
        onChange={(e) => setIsActive(e.currentTarget.checked)}
      />
    </EditDialog>
  );
}
