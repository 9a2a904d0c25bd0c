import type { TRotation } from '@hamkke/core';
import { Select, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { fromLocalInput, todayInSeoul } from '../format.js';
import { oncallApi } from './api.js';

type TOption = { value: string; label: string };

/** Adds an override (managers): someone covers a period for someone else, in Seoul time. */
export function OverrideDialog({
  rotation,
  people,
  onClose,
}: {
  rotation: TRotation;
  people: TOption[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errors = useFormErrors();
  const today = todayInSeoul();
  const [userId, setUserId] = useState<string | null>(null);
  const [forUserId, setForUserId] = useState('');
  const [startsAt, setStartsAt] = useState(`${today}T18:00`);
  const [endsAt, setEndsAt] = useState('');
  const [note, setNote] = useState('');

  async function save() {
    await oncallApi.createOverride(rotation.id, {
      userId: userId ?? '',
      forUserId: forUserId || null,
      startsAt: fromLocalInput(startsAt) ?? '',
      endsAt: fromLocalInput(endsAt) ?? '',
      note,
    });
    await client.invalidateQueries({ queryKey: ['oncall'] });
    return t('oncall.saved');
  }

  return (
    <EditDialog
      title={`${t('oncall.addOverride')} · ${rotation.name}`}
      onClose={onClose}
      errors={errors}
      save={save}
    >
      <Select
        label={t('oncall.field.person')}
        data={people}
        value={userId}
        onChange={setUserId}
        searchable
        required
        error={errors.of('userId')}
      />
      <Select
        label={t('oncall.field.forPerson')}
        data={[{ value: '', label: '—' }, ...rotation.members.map((m) => ({ value: m.id, label: m.name }))]}
        value={forUserId}
        onChange={(v) => setForUserId(v ?? '')}
        allowDeselect={false}
        error={errors.of('forUserId')}
      />
      <TextInput
        type="datetime-local"
        label={t('oncall.field.startsAt')}
        value={startsAt}
        onChange={(e) => setStartsAt(e.currentTarget.value)}
        required
        error={errors.of('startsAt')}
      />
      <TextInput
        type="datetime-local"
        label={t('oncall.field.endsAt')}
        value={endsAt}
        onChange={(e) => setEndsAt(e.currentTarget.value)}
        required
        error={errors.of('endsAt')}
      />
      <TextInput
        label={t('oncall.field.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.of('note')}
      />
    </EditDialog>
  );
}
