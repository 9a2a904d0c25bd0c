import { Alert, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '../shell/session.js';
import { AdminFrame } from './AdminFrame.js';
import { InboundPanel } from './InboundPanel.js';
import { MailboxesPanel } from './MailboxesPanel.js';
import { MailSettingsPanel } from './MailSettingsPanel.js';
import { OutboxPanel } from './OutboxPanel.js';
import { TemplatesPanel } from './TemplatesPanel.js';
import './messages-register.js';

/** Mail, for admins: the SMTP server, IMAP mailboxes, inbound messages and triage, templates, the outbox. */
export function MailPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <AdminFrame>
      <Title order={2} size="h3">
        {t('admin.mail.title')}
      </Title>
      {user.role !== 'admin' ? (
        <Alert color="red" role="alert">
          {t('admin.forbidden')}
        </Alert>
      ) : (
        <Tabs defaultValue="inbound" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="inbound">{t('admin.mail.inbound')}</Tabs.Tab>
            <Tabs.Tab value="settings">{t('admin.mail.smtp')}</Tabs.Tab>
            <Tabs.Tab value="mailboxes">{t('admin.mail.mailboxes')}</Tabs.Tab>
            <Tabs.Tab value="templates">{t('admin.mail.templates')}</Tabs.Tab>
            <Tabs.Tab value="outbox">{t('admin.mail.outbox')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="inbound" pt="md">
            <InboundPanel />
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <MailSettingsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="mailboxes" pt="md">
            <MailboxesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="templates" pt="md">
            <TemplatesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="outbox" pt="md">
            <OutboxPanel />
          </Tabs.Panel>
        </Tabs>
      )}
    </AdminFrame>
  );
}
