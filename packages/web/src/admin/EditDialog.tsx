import { Button, Group, type MantineColor, Modal, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../shell/notify.js';
import { FormAlert } from './AdminFrame.js';
import type { useFormErrors } from './form-errors.js';

/**
 * The dialog every admin and customer-page form opens in: the fields, the server's refusal shown at
 * them (`errors`, which the fields read too), cancel and submit. `save` does the request; it resolves
 * to the notice to show (or null for none), and the dialog closes. A refused save keeps it open.
 */
export function EditDialog({
  title,
  onClose,
  errors,
  save,
  submitLabel,
  submitColor,
  size,
  children,
}: {
  title: string;
  onClose: () => void;
  errors: ReturnType<typeof useFormErrors>;
  save: () => Promise<string | null>;
  submitLabel?: string;
  submitColor?: MantineColor;
  size?: 'md' | 'lg';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    errors.clear();
    try {
      const notice = await save();
      if (notice) notify('teal', notice);
      onClose();
    } catch (error) {
      errors.fail(error);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal
      className="hamkke-admin"
      closeButtonProps={{ 'aria-label': t('app.close') }}
      opened
      onClose={onClose}
      title={title}
      size={size}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {children}
          <FormAlert message={errors.errors.form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" color={submitColor} loading={isBusy}>
              {submitLabel ?? t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
