import { Alert } from '@mantine/core';
import { useT } from './use-t.js';

/** A figure that could not be loaded: said where the chart would be. */
export function FigureError({ title, error }: { title: string; error: Error }) {
  const t = useT();
  return (
    <Alert color="red" role="alert" title={title}>
      {t('reports.dash.failed')} {error.message}
    </Alert>
  );
}
