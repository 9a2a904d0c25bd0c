import type { TImprovementStatus } from '@hamkke/core';
import { Badge } from '@mantine/core';
import { useT } from '../team/use-t.js';

const COLORS: Record<TImprovementStatus, string> = {
  idea: 'gray',
  planned: 'blue',
  doing: 'indigo',
  measuring: 'grape',
  done: 'teal',
  dropped: 'red',
};

/** An improvement's status, its colour light and its text dark enough for AA contrast. */
export function StatusBadge({ status }: { status: TImprovementStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={COLORS[status]} c="dark.9" data-improvement-status={status}>
      {t(`improvement.status.${status}`)}
    </Badge>
  );
}
