import { Alert, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../format.js';
import { currentLanguage } from '../i18n.js';
import { reportFileUrl, reportsApi } from '../reports/api.js';
import { FileLink } from '../reports/MonthlyReportPage.js';
import { useT } from '../reports/use-t.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import '../reports/messages-register.js';

/** The customer's signed monthly operations reports: each to read as a page or download as PDF/XLSX. */
export function ReportsPortal() {
  const t = useT();
  const user = useUser();
  const organizationId = user.organizationId ?? '';
  const reports = useQuery({
    queryKey: ['reports', 'organization', organizationId],
    queryFn: () => reportsApi.organizationReports(organizationId),
    enabled: organizationId !== '',
  });
  const lang = currentLanguage();
  const items = (reports.data?.items ?? []).filter((r) => r.status === 'signed');
  return (
    <Stack gap="sm">
      <div>
        <Title order={1} size="h2">
          {t('reports.portal.title')}
        </Title>
        <Text size="sm" c="gray.8">
          {t('reports.portal.intro')}
        </Text>
      </div>
      {reports.isPending && organizationId && <Loader aria-label={t('app.loading')} />}
      {reports.isError && (
        <Alert color="red" role="alert">
          {t('reports.portal.loadFailed')} {reports.error.message}
        </Alert>
      )}
      {reports.data && items.length === 0 && <Text>{t('reports.portal.none')}</Text>}
      {items.length > 0 && (
        <Table fz="sm" highlightOnHover aria-label={t('reports.portal.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.portal.month')}</Table.Th>
              <Table.Th>{t('reports.portal.signed')}</Table.Th>
              <Table.Th>{t('reports.portal.files')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.month}>
                <Table.Td>
                  <AnchorLink
                    to="/portal/reports/$month"
                    params={{ month: r.month }}
                    c="indigo.9"
                    fw={500}
                    aria-label={t('reports.portal.open', { month: r.month })}
                  >
                    {r.month}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{r.signedBy ? `${r.signedBy.name} · ${formatDateTime(r.signedAt)}` : ''}</Table.Td>
                <Table.Td>
                  <Group gap="md">
                    <FileLink href={reportFileUrl(organizationId, r.month, 'pdf', lang)} label="PDF" />
                    <FileLink href={reportFileUrl(organizationId, r.month, 'xlsx', lang)} label="XLSX" />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
