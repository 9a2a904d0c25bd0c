import { Alert, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StateBadge } from '../admin/AdminFrame.js';
import { useOrganizationList } from '../admin/queries.js';
import { isStaff } from '../domain.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import '../admin/messages-register.js';

/** Every customer organization, for staff: a filter by name or code, each a link to its page. */
export function CustomersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const organizations = useOrganizationList();
  const [query, setQuery] = useState('');
  if (!isStaff(user.role))
    return (
      <Alert color="red" role="alert">
        {t('customer.staffOnly')}
      </Alert>
    );
  const q = query.trim().toLowerCase();
  const rows = (organizations.data ?? []).filter(
    (o) => !q || o.name.toLowerCase().includes(q) || o.code.toLowerCase().includes(q),
  );
  return (
    <Stack gap="md" maw={900} className="hamkke-admin">
      <Title order={1} size="h2">
        {t('customer.listTitle')}
      </Title>
      <TextInput
        label={t('customer.filter')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={320}
      />
      <Table highlightOnHover fz="sm" aria-label={t('customer.listTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.organizations.name')}</Table.Th>
            <Table.Th>{t('admin.organizations.code')}</Table.Th>
            <Table.Th>{t('admin.users.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((o) => (
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
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
