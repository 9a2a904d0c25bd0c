import type { TContract, TContractUsage } from '@hamkke/core';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Progress,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, CONTRACT_SERVICES, INSPECTION_CADENCES } from '../admin/api.js';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { todayInSeoul } from '../format.js';
import '../admin/messages-register.js';

/** The month of today in Seoul, `YYYY-MM`. */
const thisMonth = () => todayInSeoul().slice(0, 7);

/** The customer's contracts, with this month's hours used against the entitlement; managers and admins edit. */
export function ContractsSection({ organizationId, canEdit }: { organizationId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const month = thisMonth();
  const contracts = useQuery({
    queryKey: ['contracts', organizationId],
    queryFn: async () => (await adminApi.contracts(organizationId)).items,
  });
  const usages = useQueries({
    queries: (contracts.data ?? []).map((c) => ({
      queryKey: ['contract-usage', c.id, month],
      queryFn: () => adminApi.usage(c.id, month),
    })),
  });
  const [editing, setEditing] = useState<TContract | 'new' | null>(null);
  return (
    <section aria-labelledby="contracts-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="contracts-title">
          {t('customer.contracts')}
        </Title>
        {canEdit && (
          <Button size="compact-sm" onClick={() => setEditing('new')}>
            {t('customer.addContract')}
          </Button>
        )}
      </Group>
      {contracts.data?.length === 0 && <Text c="gray.8">{t('customer.noContracts')}</Text>}
      {(contracts.data?.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" aria-labelledby="contracts-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer.contractName')}</Table.Th>
                <Table.Th>{t('customer.period')}</Table.Th>
                <Table.Th>{t('customer.hoursThisMonth', { month })}</Table.Th>
                {canEdit && <Table.Th>{t('admin.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contracts.data?.map((c, i) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    {c.startsOn} – {c.endsOn}
                  </Table.Td>
                  <Table.Td>
                    <UsageCell usage={usages[i]?.data} />
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing(c)}
                        aria-label={t('admin.editOf', { name: c.name })}
                      >
                        {t('admin.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ContractModal
          organizationId={organizationId}
          contract={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function UsageCell({ usage }: { usage: TContractUsage | undefined }) {
  const { t } = useTranslation();
  if (!usage) return null;
  const percent = usage.percentUsed ?? 0;
  const color = percent >= 100 ? 'red' : percent >= 80 ? 'orange' : 'teal';
  return (
    <Stack gap={2} miw={180}>
      <Text size="sm" data-testid="contract-usage">
        {t('customer.hoursUsed', { used: usage.usedHours, entitled: usage.entitledHours })}
        {usage.percentUsed !== null && ` (${usage.percentUsed}%)`}
      </Text>
      {usage.entitledHours > 0 && (
        <Progress
          value={Math.min(percent, 100)}
          color={color}
          aria-label={t('customer.hoursUsed', { used: usage.usedHours, entitled: usage.entitledHours })}
        />
      )}
    </Stack>
  );
}

function ContractModal({
  organizationId,
  contract,
  onClose,
}: {
  organizationId: string;
  contract: TContract | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const policies = useQuery({
    queryKey: ['sla-policies'],
    queryFn: async () => (await adminApi.slaPolicies()).items,
  });
  const calendars = useQuery({
    queryKey: ['calendars'],
    queryFn: async () => (await adminApi.calendars()).items,
  });
  const today = todayInSeoul();
  const [name, setName] = useState(contract?.name ?? '');
  const [startsOn, setStartsOn] = useState(contract?.startsOn ?? today);
  const [endsOn, setEndsOn] = useState(
    contract?.endsOn ?? `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
  );
  const [monthlyHours, setMonthlyHours] = useState<number | string>(contract?.monthlyHours ?? 0);
  const [slaPolicyId, setSlaPolicyId] = useState<string | null>(contract?.slaPolicyId ?? null);
  const [calendarKey, setCalendarKey] = useState(contract?.calendarKey ?? 'kr-standard');
  const [p1AroundTheClock, setP1] = useState(contract?.p1AroundTheClock ?? false);
  const [services, setServices] = useState<string[]>(contract?.services ?? ['support']);
  const [cadence, setCadence] = useState<TContract['inspectionCadence']>(
    contract?.inspectionCadence ?? 'none',
  );
  const [notes, setNotes] = useState(contract?.notes ?? '');
  const errors = useFormErrors();

  async function save(): Promise<string | null> {
    const fields = {
      name,
      startsOn,
      endsOn,
      monthlyHours: typeof monthlyHours === 'number' ? monthlyHours : Number(monthlyHours),
      slaPolicyId,
      calendarKey,
      p1AroundTheClock,
      services: services as TContract['services'],
      inspectionCadence: cadence,
      notes,
    };
    if (contract) await adminApi.updateContract(contract.id, fields);
    else await adminApi.createContract(organizationId, fields);
    await client.invalidateQueries({ queryKey: ['contracts', organizationId] });
    await client.invalidateQueries({ queryKey: ['contract-usage'] });
    return t('admin.saved');
  }

  return (
    <EditDialog
      title={contract ? t('customer.editContract') : t('customer.addContract')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      <TextInput
        label={t('customer.contractName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.of('name')}
        required
        data-autofocus
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('customer.startsOn')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          error={errors.of('startsOn')}
          required
        />
        <TextInput
          type="date"
          label={t('customer.endsOn')}
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
          error={errors.of('endsOn')}
          required
        />
        <NumberInput
          label={t('customer.monthlyHours')}
          value={monthlyHours}
          onChange={setMonthlyHours}
          step={0.5}
          decimalScale={1}
          error={errors.of('monthlyHours')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('customer.slaPolicy')}
          placeholder={t('customer.defaultPolicy')}
          data={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={slaPolicyId}
          onChange={setSlaPolicyId}
          clearable
          error={errors.of('slaPolicyId')}
        />
        <Select
          label={t('customer.calendar')}
          data={(calendars.data ?? []).map((c) => ({ value: c.key, label: c.name }))}
          value={calendarKey}
          onChange={(v) => setCalendarKey(v ?? 'kr-standard')}
          allowDeselect={false}
          error={errors.of('calendarKey')}
        />
      </Group>
      <Switch
        label={t('customer.p1AroundTheClock')}
        checked={p1AroundTheClock}
        onChange={(e) => setP1(e.currentTarget.checked)}
      />
      <Group grow align="flex-start">
        <MultiSelect
          label={t('customer.services')}
          data={CONTRACT_SERVICES.map((s) => ({ value: s, label: t(`customer.service.${s}`) }))}
          value={services}
          onChange={setServices}
          error={errors.of('services')}
        />
        <Select
          label={t('customer.inspection')}
          data={INSPECTION_CADENCES.map((s) => ({ value: s, label: t(`customer.cadence.${s}`) }))}
          value={cadence}
          onChange={(v) => setCadence((v as TContract['inspectionCadence']) ?? 'none')}
          allowDeselect={false}
          error={errors.of('inspectionCadence')}
        />
      </Group>
      <Textarea
        label={t('customer.contractNotes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.of('notes')}
        autosize
        minRows={2}
      />
    </EditDialog>
  );
}
