import { notifications } from '@mantine/notifications';
import i18n from '../i18n.js';

/** A short-lived message in the corner, its close button named for screen readers. */
export function notify(color: 'teal' | 'orange' | 'red', message: string, title?: string): void {
  notifications.show({
    color,
    message,
    title,
    closeButtonProps: { 'aria-label': i18n.t('app.close') },
  });
}
