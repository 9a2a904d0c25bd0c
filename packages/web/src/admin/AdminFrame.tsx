import { Alert, Badge, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './admin.css';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import './messages-register.js';

/** Who may open the admin pages: admins, and managers for what the API lets them do. */
export const canAdminister = (role: string) => role === 'admin' || role === 'manager';

/** The admin pages' frame: the heading and the links between them (mail for admins only). */
export function AdminFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  if (!canAdminister(user.role))
    return (
      <Alert color="red" role="alert">
        {t('admin.forbidden')}
      </Alert>
    );
  return (
    <Stack gap="md" className="hamkke-admin">
      <Title order={1} size="h2">
        {t('admin.title')}
      </Title>
      <nav aria-label={t('admin.sections')}>
        <Group gap="lg">
          <AnchorLink to="/admin/users" fw={500} c="indigo.9">
            {t('admin.users.title')}
          </AnchorLink>
          <AnchorLink to="/admin/organizations" fw={500} c="indigo.9">
            {t('admin.organizations.title')}
          </AnchorLink>
          {user.role === 'admin' && (
            <AnchorLink to="/admin/mail" fw={500} c="indigo.9">
              {t('admin.mail.title')}
            </AnchorLink>
          )}
        </Group>
      </nav>
      {children}
    </Stack>
  );
}

/** A refused save's message that belongs to no one field. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" variant="light" c="red.9">
      {message}
    </Alert>
  );
}

/** Mantine's dimmed descriptions fall short of WCAG AA contrast: a darker grey for them. */
export const READABLE = { description: { color: 'var(--mantine-color-gray-8)' } };

/** Active or not, in colours that keep their contrast. */
export function StateBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={isActive ? 'teal' : 'gray'} c="dark.9">
      {isActive ? t('admin.active') : t('admin.inactive')}
    </Badge>
  );
}
