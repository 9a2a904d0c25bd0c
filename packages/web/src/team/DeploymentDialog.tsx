import type { TDeployment } from '@hamkke/core';
import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { todayInSeoul } from '../format.js';
import { teamApi } from './api.js';
import { useT } from './use-t.js';
import { addDays } from './weeks.js';

type TOption = { value: string; label: string };

/** Creates or edits a deployment (managers); the server's refusals (e.g. over 100% at once) show at the field. */
export function DeploymentDialog({
  deployment,
  people,
  organizations,
  onClose,
}: {
  deployment: TDeployment | null;
  people: TOption[];
  organizations: TOption[];
  onClose: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const errors = useFormErrors();
  const today = todayInSeoul();
  const [userId, setUserId] = useState<string | null>(deployment?.person.id ?? null);
  const [project, setProject] = useState(deployment?.project ?? '');
  const [organizationId, setOrganizationId] = useState(deployment?.organization?.id ?? '');
  const [startsOn, setStartsOn] = useState(deployment?.startsOn ?? today);
  const [endsOn, setEndsOn] = useState(deployment?.endsOn ?? addDays(today, 27));
  const [share, setShare] = useState<number | string>(deployment?.sharePercent ?? 50);
  const [note, setNote] = useState(deployment?.note ?? '');

  async function save() {
    const fields = {
      project,
      organizationId: organizationId || null,
      startsOn,
      endsOn,
      sharePercent: typeof share === 'number' ? share : Number(share),
      note,
    };
    if (deployment) await teamApi.updateDeployment(deployment.id, fields);
    else await teamApi.createDeployment({ ...fields, userId: userId ?? '' });
    await client.invalidateQueries({ queryKey: ['deployments'] });
    await client.invalidateQueries({ queryKey: ['team-load'] });
    return t('team.deployments.saved');
  }

  return (
    <EditDialog
      title={deployment ? t('team.deployments.edit') : t('team.deployments.create')}
      onClose={onClose}
      errors={errors}
      save={save}
    >
      <Select
        label={t('team.deployments.person')}
        data={people}
        value={userId}
        onChange={setUserId}
        disabled={deployment !== null}
        searchable
        required
        error={errors.of('userId')}
      />
      <TextInput
        label={t('team.deployments.project')}
        value={project}
        onChange={(e) => setProject(e.currentTarget.value)}
        required
        error={errors.of('project')}
      />
      <Select
        label={t('team.deployments.customer')}
        data={[{ value: '', label: t('team.deployments.none') }, ...organizations]}
        value={organizationId}
        onChange={(v) => setOrganizationId(v ?? '')}
        searchable
        allowDeselect={false}
        error={errors.of('organizationId')}
      />
      <TextInput
        type="date"
        label={t('team.deployments.startsOn')}
        value={startsOn}
        onChange={(e) => setStartsOn(e.currentTarget.value)}
        required
        error={errors.of('startsOn')}
      />
      <TextInput
        type="date"
        label={t('team.deployments.endsOn')}
        value={endsOn}
        onChange={(e) => setEndsOn(e.currentTarget.value)}
        required
        error={errors.of('endsOn')}
      />
      <NumberInput
        label={t('team.deployments.share')}
        value={share}
        onChange={setShare}
        min={1}
        max={100}
        required
        error={errors.of('sharePercent')}
      />
      <Textarea
        label={t('team.deployments.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        error={errors.of('note')}
      />
    </EditDialog>
  );
}
