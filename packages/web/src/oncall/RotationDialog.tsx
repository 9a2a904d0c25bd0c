import type { TRotation } from '@hamkke/core';
import { MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { todayInSeoul } from '../format.js';
import { oncallApi } from './api.js';

type TOption = { value: string; label: string };

/** Creates or edits a rotation (managers): team, people in order, shift length, handover weekday and time. */
export function RotationDialog({
  rotation,
  people,
  teams,
  onClose,
}: {
  rotation: TRotation | null;
  people: TOption[];
  teams: TOption[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState(rotation?.name ?? '');
  const [teamId, setTeamId] = useState(rotation?.team?.id ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(rotation?.members.map((m) => m.id) ?? []);
  const [shiftDays, setShiftDays] = useState<number | string>(rotation?.shiftDays ?? 7);
  const [weekday, setWeekday] = useState(String(rotation?.handoverWeekday ?? 1));
  const [time, setTime] = useState(rotation?.handoverTime ?? '09:00');
  const [startsOn, setStartsOn] = useState(rotation?.startsOn ?? todayInSeoul());
  const weekdays = t('oncall.weekdaysLong', { returnObjects: true }) as string[];

  async function save() {
    const fields = {
      name,
      teamId: teamId || null,
      memberIds,
      shiftDays: typeof shiftDays === 'number' ? shiftDays : Number(shiftDays),
      handoverWeekday: Number(weekday),
      handoverTime: time,
      startsOn,
    };
    if (rotation) await oncallApi.updateRotation(rotation.id, fields);
    else await oncallApi.createRotation(fields);
    await client.invalidateQueries({ queryKey: ['oncall'] });
    return t('oncall.saved');
  }

  // Members keep the order they were picked in; the ones already chosen first, as saved.
  const memberOptions = [
    ...memberIds.map((id) => people.find((p) => p.value === id) ?? { value: id, label: id }),
    ...people.filter((p) => !memberIds.includes(p.value)),
  ];
  return (
    <EditDialog
      title={rotation ? t('oncall.edit') : t('oncall.create')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      <TextInput
        label={t('oncall.field.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        error={errors.of('name')}
      />
      <Select
        label={t('oncall.field.team')}
        data={[{ value: '', label: t('oncall.field.noTeam') }, ...teams]}
        value={teamId}
        onChange={(v) => setTeamId(v ?? '')}
        allowDeselect={false}
        error={errors.of('teamId')}
      />
      <MultiSelect
        label={t('oncall.field.members')}
        description={t('oncall.field.membersHint')}
        data={memberOptions}
        value={memberIds}
        onChange={setMemberIds}
        searchable
        error={errors.of('memberIds')}
      />
      <NumberInput
        label={t('oncall.field.shiftDays')}
        value={shiftDays}
        onChange={setShiftDays}
        min={1}
        max={28}
        error={errors.of('shiftDays')}
      />
      <Select
        label={t('oncall.field.handoverWeekday')}
        data={weekdays.map((w, i) => ({ value: String(i), label: w }))}
        value={weekday}
        onChange={(v) => setWeekday(v ?? '1')}
        allowDeselect={false}
        error={errors.of('handoverWeekday')}
      />
      <TextInput
        type="time"
        label={t('oncall.field.handoverTime')}
        value={time}
        onChange={(e) => setTime(e.currentTarget.value)}
        error={errors.of('handoverTime')}
      />
      <TextInput
        type="date"
        label={t('oncall.field.startsOn')}
        value={startsOn}
        onChange={(e) => setStartsOn(e.currentTarget.value)}
        required
        error={errors.of('startsOn')}
      />
    </EditDialog>
  );
}
