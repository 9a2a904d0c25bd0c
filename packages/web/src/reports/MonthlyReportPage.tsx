import type { TMonthlyReport } from '@hamkke/core';
import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { canWork } from '../domain.js';
import { formatDateTime } from '../format.js';
import { currentLanguage } from '../i18n.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import { reportFileUrl, reportsApi } from './api.js';
import { RemarksEditor } from './RemarksEditor.js';
import { ReportFigures } from './ReportFigures.js';
import { ReportStatusBadge } from './ReportsPage.js';
import { StaffOnly } from './StaffOnly.js';
import { useT } from './use-t.js';
import './messages-register.js';
import './reports.css';

const route = getRouteApi('/reports/$orgId/$month');

/** Who signs a report off: managers (and admins). */
export const canSignOff = (role: string) => role === 'manager' || role === 'admin';

/** One customer's monthly report as a web page: figures, remarks until signed, sign-off, files and mail. */
export function MonthlyReportPage() {
  return (
    <StaffOnly portal="/portal/reports">
      <MonthlyReport />
    </StaffOnly>
  );
}

function MonthlyReport() {
  const t = useT();
  const { orgId, month } = route.useParams();
  const client = useQueryClient();
  const key = ['reports', 'report', orgId, month];
  const report = useQuery({ queryKey: key, queryFn: () => reportsApi.monthly(orgId, month) });
  const update = (next: TMonthlyReport) => {
    client.setQueryData(key, next);
    void client.invalidateQueries({ queryKey: ['reports', 'monthly', month] });
  };
  return (
    <Stack gap="md" className="reports-page">
      <AnchorLink to="/reports" search={{ month }} size="sm" c="indigo.9" className="no-print">
        {t('reports.report.back')}
      </AnchorLink>
      {report.isPending && <Loader aria-label={t('app.loading')} />}
      {report.isError && (
        <Alert color="red" role="alert">
          {t('reports.report.loadFailed')} {report.error.message}
        </Alert>
      )}
      {report.data && <Report report={report.data} onChange={update} />}
    </Stack>
  );
}

function Report({ report, onChange }: { report: TMonthlyReport; onChange: (r: TMonthlyReport) => void }) {
  const t = useT();
  const user = useUser();
  const { id } = report.organization;
  const isSigned = report.status === 'signed';
  const [isConfirming, setIsConfirming] = useState(false);
  const signOff = useMutation({
    mutationFn: () => reportsApi.signOff(id, report.month),
    onSuccess: (next) => {
      setIsConfirming(false);
      onChange(next);
    },
  });
  const mail = useMutation({ mutationFn: () => reportsApi.mail(id, report.month) });
  const lang = currentLanguage();
  const listHref = (filter: string) =>
    `/tickets?${new URLSearchParams({ organizationId: id, createdFrom: report.period.start, createdTo: report.period.end })}&${filter}`;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('reports.report.title', { name: report.organization.name, month: report.month })}
          </Title>
          <Group gap="xs" mt={4}>
            <ReportStatusBadge status={report.status} />
            <Text size="sm" c="gray.8">
              {isSigned && report.signedBy
                ? t('reports.report.signedBy', {
                    name: report.signedBy.name,
                    at: formatDateTime(report.signedAt),
                  })
                : t('reports.report.generatedAt', { at: formatDateTime(report.generatedAt) })}
            </Text>
          </Group>
        </div>
        <Group gap="xs" className="no-print">
          <Button
            component="a"
            variant="default"
            href={reportFileUrl(id, report.month, 'pdf', lang)}
            download
          >
            {t('reports.report.pdf')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={reportFileUrl(id, report.month, 'xlsx', lang)}
            download
          >
            {t('reports.report.xlsx')}
          </Button>
          {!isSigned && canSignOff(user.role) && (
            <Button color="teal.9" onClick={() => setIsConfirming(true)}>
              {t('reports.report.signOff')}
            </Button>
          )}
          {isSigned && canSignOff(user.role) && (
            <Button onClick={() => mail.mutate()} loading={mail.isPending}>
              {t('reports.report.mail')}
            </Button>
          )}
        </Group>
      </Group>
      {mail.isSuccess && (
        <Alert color="teal" role="status" variant="light" c="dark.9">
          {mail.data.recipients.length === 0
            ? t('reports.report.mailedNobody')
            : t('reports.report.mailed', { names: mail.data.recipients.map((r) => r.name).join(', ') })}
        </Alert>
      )}
      {mail.isError && (
        <Alert color="red" role="alert">
          {t('reports.report.mailFailed')} {mail.error.message}
        </Alert>
      )}
      <ReportFigures
        report={report}
        listHref={listHref}
        ticketLink={(ticket) => (
          <AnchorLink to="/tickets/$ref" params={{ ref: ticket.number }} c="indigo.9" size="sm">
            {`${ticket.number} ${ticket.title}`}
          </AnchorLink>
        )}
      />
      <section aria-label={t('reports.report.remarks')} className="report-section">
        <Title order={2} size="h4" mb="xs">
          {t('reports.report.remarks')}
        </Title>
        <RemarksEditor
          key={report.status}
          remarks={report.remarks}
          onSave={
            !isSigned && canWork(user.role)
              ? async (remarks) => onChange(await reportsApi.saveRemarks(id, report.month, remarks))
              : null
          }
        />
      </section>
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={t('reports.report.signOffTitle')}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('reports.report.signOffText')}</Text>
          {signOff.isError && (
            <Alert color="red" role="alert" variant="light" c="red.9">
              {signOff.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              {t('reports.report.cancel')}
            </Button>
            <Button color="teal.9" onClick={() => signOff.mutate()} loading={signOff.isPending}>
              {t('reports.report.signOffConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** A download link of a report's file (the portal's list uses it too). */
export function FileLink({ href, label }: { href: string; label: string }) {
  return (
    <Anchor href={href} download size="sm" c="indigo.9" fw={500}>
      {label}
    </Anchor>
  );
}
