import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from '../markdown/Markdown.js';
import { useT } from './use-t.js';

type TProps = {
  remarks: string;
  /** Null when the remarks are frozen (signed) or the reader may not write. */
  onSave: ((remarks: string) => Promise<unknown>) | null;
};

/** The team's remarks of a report: Markdown, written and previewed here until the report is signed. */
export function RemarksEditor({ remarks, onSave }: TProps) {
  const t = useT();
  const [draft, setDraft] = useState(remarks);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({
    saving: false,
    error: null,
    saved: false,
  });
  if (!onSave)
    return remarks.trim() ? (
      <div className="markdown">
        <Markdown text={remarks} />
      </div>
    ) : (
      <Text size="sm" c="gray.8">
        {t('reports.report.noRemarks')}
      </Text>
    );
  const save = async () => {
    setState({ saving: true, error: null, saved: false });
    try {
      await onSave(draft);
      setState({ saving: false, error: null, saved: true });
    } catch (error) {
      setState({ saving: false, error: (error as Error).message, saved: false });
    }
  };
  return (
    <Stack gap="xs">
      <SegmentedControl
        w="fit-content"
        size="xs"
        aria-label={t('reports.report.remarksMode')}
        value={mode}
        onChange={(v) => setMode(v === 'preview' ? 'preview' : 'edit')}
        data={[
          { value: 'edit', label: t('reports.report.edit') },
          { value: 'preview', label: t('reports.report.preview') },
        ]}
      />
      {mode === 'edit' ? (
        <Textarea
          label={t('reports.report.remarks')}
          description={t('reports.report.remarksHint')}
          styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setState((s) => ({ ...s, saved: false }));
          }}
          autosize
          minRows={5}
          maxRows={20}
        />
      ) : (
        <div className="markdown report-remarks-preview">
          <Markdown text={draft} />
        </div>
      )}
      {state.error && (
        <Alert color="red" role="alert" variant="light" c="red.9">
          {state.error}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          onClick={() => void save()}
          loading={state.saving}
          disabled={draft === remarks && !state.error}
        >
          {t('reports.report.saveRemarks')}
        </Button>
        {state.saved && (
          <Text size="sm" c="teal.9" role="status">
            {t('reports.report.remarksSaved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
