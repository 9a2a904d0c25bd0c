import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { formatDateTime } from '../format.js';
import { currentLanguage } from '../i18n.js';
import { Markdown } from '../markdown/Markdown.js';
import { reportFileUrl, reportsApi } from '../reports/api.js';
import { ReportFigures } from '../reports/ReportFigures.js';
import { useT } from '../reports/use-t.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import '../reports/messages-register.js';
import '../reports/reports.css';

const route = getRouteApi('/portal/reports/$month');

/** One signed monthly report of the customer's organization as a page, with its files. */
export function ReportsPortalReport() {
  const t = useT();
  const { month } = route.useParams();
  const organizationId = useUser().organizationId ?? '';
  const report = useQuery({
    queryKey: ['reports', 'report', organizationId, month],
    queryFn: () => reportsApi.monthly(organizationId, month),
    enabled: organizationId !== '',
  });
  const lang = currentLanguage();
  return (
    <Stack gap="md" className="reports-page">
      <AnchorLink to="/portal/reports" size="sm" c="indigo.9" className="no-print">
        {t('reports.portal.back')}
      </AnchorLink>
      {report.isPending && organizationId && <Loader aria-label={t('app.loading')} />}
      {report.isError && (
        <Alert color="red" role="alert">
          {t('reports.report.loadFailed')} {report.error.message}
        </Alert>
      )}
      {report.data && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={1} size="h2">
                {t('reports.report.title', { name: report.data.organization.name, month })}
              </Title>
              {report.data.signedBy && (
                <Text size="sm" c="gray.8">
                  {t('reports.report.signedBy', {
                    name: report.data.signedBy.name,
                    at: formatDateTime(report.data.signedAt),
                  })}
                </Text>
              )}
            </div>
            <Group gap="xs" className="no-print">
              <Button
                component="a"
                variant="default"
                href={reportFileUrl(organizationId, month, 'pdf', lang)}
                download
              >
                {t('reports.report.pdf')}
              </Button>
              <Button
                component="a"
                variant="default"
                href={reportFileUrl(organizationId, month, 'xlsx', lang)}
                download
              >
                {t('reports.report.xlsx')}
              </Button>
            </Group>
          </Group>
          <ReportFigures
            report={report.data}
            ticketLink={(ticket) => (
              <AnchorLink to="/portal/tickets/$ref" params={{ ref: ticket.number }} c="indigo.9" size="sm">
                {`${ticket.number} ${ticket.title}`}
              </AnchorLink>
            )}
          />
          {report.data.remarks.trim() && (
            <section aria-label={t('reports.report.remarks')}>
              <Title order={2} size="h4" mb="xs">
                {t('reports.report.remarks')}
              </Title>
              <div className="markdown">
                <Markdown text={report.data.remarks} />
              </div>
            </section>
          )}
        </>
      )}
    </Stack>
  );
}
