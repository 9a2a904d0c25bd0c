import { Anchor, Button, Group, Table, Text, Title } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { useT } from '../use-t.js';
import { colorOf } from './palette.js';
import { formatNumber } from './scale.js';
import type { TChartData, TChartTarget } from './types.js';
import '../messages-register.js';
import './charts.css';

type TProps = TChartData & {
  /** A line under the title: what the figure counts. */
  description?: string | undefined;
  /** The CSV of the figure (`…?format=csv`), offered as a download. */
  csvHref?: string | undefined;
  target?: TChartTarget | undefined;
  /** Per-category reference values (a contract's hours), shown as a column of the table. */
  targets?: { name: string; values: readonly (number | null)[] } | undefined;
  /** The chart itself (an SVG); the table replaces it on request. */
  children: ReactNode;
};

/**
 * A chart's frame: its title, a legend, the "표로 보기" switch to a table of the same figures (links
 * included) for screen readers and for reading exact values, and the CSV download.
 */
export function ChartFrame(props: TProps) {
  const t = useT();
  const [isTable, setIsTable] = useState(false);
  const titleId = useId();
  const isEmpty = props.categories.length === 0;
  return (
    <figure className="chart" aria-labelledby={titleId} data-chart={props.title}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <div>
          <Title order={3} size="h5" id={titleId}>
            {props.title}
          </Title>
          {props.description && (
            <Text size="xs" c="gray.8">
              {props.description}
            </Text>
          )}
        </div>
        <Group gap={6} wrap="nowrap" className="chart-tools">
          <Button
            size="compact-xs"
            variant="default"
            aria-pressed={isTable}
            onClick={() => setIsTable((v) => !v)}
            disabled={isEmpty}
          >
            {isTable ? t('reports.chart.showChart') : t('reports.chart.showTable')}
          </Button>
          {props.csvHref && (
            <Anchor
              href={props.csvHref}
              download
              size="xs"
              fw={600}
              c="indigo.9"
              aria-label={t('reports.chart.csvOf', { title: props.title })}
            >
              CSV
            </Anchor>
          )}
        </Group>
      </Group>
      {isEmpty ? (
        <Text size="sm" c="gray.8" my="md">
          {t('reports.chart.empty')}
        </Text>
      ) : isTable ? (
        <ChartTable {...props} />
      ) : (
        <>
          <Legend {...props} />
          {props.children}
        </>
      )}
    </figure>
  );
}

function Legend({ series, target, targets }: Pick<TProps, 'series' | 'target' | 'targets'>) {
  const reference = target?.name ?? targets?.name;
  if (series.length < 2 && !reference) return null;
  return (
    <Group gap="md" mt={4} className="chart-legend" aria-hidden="true">
      {series.map((s, i) => (
        <Group key={s.name} gap={4} wrap="nowrap">
          <span className="chart-swatch" style={{ background: colorOf(i, s.color) }} />
          <Text size="xs">{s.name}</Text>
        </Group>
      ))}
      {reference && (
        <Group gap={4} wrap="nowrap">
          <span className="chart-swatch chart-swatch-target" />
          <Text size="xs">{reference}</Text>
        </Group>
      )}
    </Group>
  );
}

/** The same figures as a table: a row per category, a column per series, each value a link to its tickets. */
export function ChartTable({ title, categories, series, format, target, targets }: Omit<TProps, 'children'>) {
  const t = useT();
  const router = useRouter();
  const show = format ?? formatNumber;
  return (
    <Table.ScrollContainer minWidth={320} mah={360}>
      <Table fz="xs" verticalSpacing={2} striped className="chart-table">
        <caption className="chart-caption">
          {target ? `${title} (${target.name}: ${show(target.value)})` : title}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.chart.category')}</Table.Th>
            {series.map((s) => (
              <Table.Th key={s.name} scope="col" ta="right">
                {s.name}
              </Table.Th>
            ))}
            {targets && (
              <Table.Th scope="col" ta="right">
                {targets.name}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((category, row) => (
            <Table.Tr key={category}>
              <Table.Th scope="row" fw={500}>
                {category}
              </Table.Th>
              {series.map((s) => {
                const href = s.hrefs?.[row];
                const text = show(s.values[row] ?? null);
                return (
                  <Table.Td key={s.name} ta="right">
                    {href ? (
                      <Anchor
                        href={href}
                        size="xs"
                        c="indigo.9"
                        onClick={(e) => {
                          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
                          e.preventDefault();
                          router.history.push(href);
                        }}
                      >
                        {text}
                      </Anchor>
                    ) : (
                      text
                    )}
                  </Table.Td>
                );
              })}
              {targets && <Table.Td ta="right">{show(targets.values[row] ?? null)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
