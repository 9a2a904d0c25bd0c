import type { TInspectionSchedule, TRecurrence } from '@hamkke/core';
import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { api } from '../api.js';
import { teamApi } from '../team/api.js';
import { useT } from '../team/use-t.js';
import { useStaff } from '../tickets/queries.js';
import { inspectionApi } from './api.js';

type TKind = 'monthly' | 'quarterly' | 'rrule';
type TShift = 'next' | 'previous' | 'none';
type TStatus = 'active' | 'paused' | 'ended';

/** Creates or edits a contract's inspection schedule (managers): template, system, recurrence, who, lead time. */
export function ScheduleDialog({
  schedule,
  contractId,
  organizationId,
  onClose,
}: {
  schedule: TInspectionSchedule | null;
  contractId: string;
  organizationId: string;
  onClose: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const errors = useFormErrors();
  const staff = useStaff();
  const templates = useQuery({
    queryKey: ['inspection-templates'],
    queryFn: async () => (await inspectionApi.templates()).items,
  });
  const systems = useQuery({
    queryKey: ['systems', organizationId],
    queryFn: async () => (await api.systems(organizationId)).items,
  });
  const teams = useQuery({ queryKey: ['teams'], queryFn: async () => (await teamApi.teams()).items });
  const r = schedule?.recurrence;
  const [name, setName] = useState(schedule?.name ?? '');
  const [templateId, setTemplateId] = useState<string | null>(schedule?.templateId ?? null);
  const [systemId, setSystemId] = useState(schedule?.systemId ?? '');
  const [kind, setKind] = useState<TKind>(r?.kind ?? 'monthly');
  const [day, setDay] = useState<number | string>(r && r.kind !== 'rrule' ? (r.day ?? 25) : 25);
  const [monthOfQuarter, setMonthOfQuarter] = useState(
    r?.kind === 'quarterly' ? String(r.monthOfQuarter) : '1',
  );
  const [rrule, setRrule] = useState(r?.kind === 'rrule' ? r.rrule : (schedule?.rrule ?? ''));
  const [shift, setShift] = useState<TShift>(schedule?.shift ?? 'next');
  const [lead, setLead] = useState<number | string>(schedule?.leadBusinessDays ?? 3);
  const [assigneeId, setAssigneeId] = useState(schedule?.assigneeId ?? '');
  const [team, setTeam] = useState(schedule?.team ?? '');
  const [status, setStatus] = useState<TStatus>(schedule?.status ?? 'active');

  async function save() {
    const recurrence: TRecurrence =
      kind === 'rrule'
        ? { kind, rrule }
        : kind === 'monthly'
          ? { kind, day: Number(day) }
          : { kind, day: Number(day), monthOfQuarter: Number(monthOfQuarter) };
    const fields = {
      name,
      templateId: templateId ?? '',
      systemId: systemId || null,
      recurrence,
      shift,
      leadBusinessDays: Number(lead),
      assigneeId: assigneeId || null,
      team: team || null,
    };
    if (schedule) await inspectionApi.updateSchedule(schedule.id, { ...fields, status });
    else
      await inspectionApi.createSchedule({
        ...fields,
        contractId,
        windowStart: '09:00',
        windowEnd: '18:00',
        impact: 'low',
        urgency: 'medium',
      });
    await client.invalidateQueries({ queryKey: ['inspection-schedules'] });
    return t('inspection.schedules.saved');
  }

  const none = (label: string) => ({ value: '', label });
  return (
    <EditDialog
      title={schedule ? t('inspection.schedules.edit') : t('inspection.schedules.create')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      <TextInput
        label={t('inspection.schedules.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        error={errors.of('name')}
      />
      <Group grow>
        <Select
          label={t('inspection.schedules.template')}
          data={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={templateId}
          onChange={setTemplateId}
          required
          error={errors.of('templateId')}
        />
        <Select
          label={t('inspection.schedules.system')}
          data={[
            none(t('inspection.schedules.noSystem')),
            ...(systems.data ?? []).map((s) => ({ value: s.id, label: `${s.sid} ${s.client ?? ''}`.trim() })),
          ]}
          value={systemId}
          onChange={(v) => setSystemId(v ?? '')}
          allowDeselect={false}
          error={errors.of('systemId')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('inspection.schedules.recurrence')}
          data={(['monthly', 'quarterly', 'rrule'] as const).map((k) => ({
            value: k,
            label: t(`inspection.schedules.kind.${k}`),
          }))}
          value={kind}
          onChange={(v) => v && setKind(v as TKind)}
          allowDeselect={false}
        />
        {kind === 'rrule' ? (
          <TextInput
            label={t('inspection.schedules.rrule')}
            description={t('inspection.schedules.rruleHint')}
            value={rrule}
            onChange={(e) => setRrule(e.currentTarget.value)}
            error={errors.of('recurrence')}
            styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
          />
        ) : (
          <NumberInput
            label={t('inspection.schedules.day')}
            value={day}
            onChange={setDay}
            min={-1}
            max={31}
            error={errors.of('recurrence')}
          />
        )}
        {kind === 'quarterly' && (
          <Select
            label={t('inspection.schedules.monthOfQuarter')}
            data={['1', '2', '3']}
            value={monthOfQuarter}
            onChange={(v) => v && setMonthOfQuarter(v)}
            allowDeselect={false}
          />
        )}
      </Group>
      <Group grow>
        <Select
          label={t('inspection.schedules.shift')}
          data={(['next', 'previous', 'none'] as const).map((s) => ({
            value: s,
            label: t(`inspection.schedules.shiftOpt.${s}`),
          }))}
          value={shift}
          onChange={(v) => v && setShift(v as TShift)}
          allowDeselect={false}
        />
        <NumberInput
          label={t('inspection.schedules.lead')}
          value={lead}
          onChange={setLead}
          min={0}
          max={60}
          error={errors.of('leadBusinessDays')}
        />
      </Group>
      <Group grow>
        <Select
          label={t('inspection.schedules.assignee')}
          data={[
            none(t('inspection.schedules.noOne')),
            ...(staff.data ?? [])
              .filter((u) => u.role !== 'viewer')
              .map((u) => ({ value: u.id, label: u.name })),
          ]}
          value={assigneeId}
          onChange={(v) => setAssigneeId(v ?? '')}
          searchable
          allowDeselect={false}
          error={errors.of('assigneeId')}
        />
        <Select
          label={t('inspection.schedules.team')}
          data={[
            none(t('inspection.schedules.noOne')),
            ...(teams.data ?? []).map((x) => ({ value: x.name, label: x.name })),
          ]}
          value={team}
          onChange={(v) => setTeam(v ?? '')}
          allowDeselect={false}
          error={errors.of('team')}
        />
        {schedule && (
          <Select
            label={t('inspection.schedules.status')}
            data={(['active', 'paused', 'ended'] as const).map((s) => ({
              value: s,
              label: t(`inspection.schedules.statusOpt.${s}`),
            }))}
            value={status}
            onChange={(v) => v && setStatus(v as TStatus)}
            allowDeselect={false}
            error={errors.of('status')}
          />
        )}
      </Group>
    </EditDialog>
  );
}
