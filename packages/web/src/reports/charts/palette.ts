/**
 * The series colours: Mantine's darker shades, so that bars and lines keep a 3:1 contrast against the white
 * background (WCAG 1.4.11), and in an order that stays tellable apart for the common colour blindnesses.
 */
export const SERIES_COLORS = [
  'var(--mantine-color-indigo-7)',
  'var(--mantine-color-orange-7)',
  'var(--mantine-color-teal-8)',
  'var(--mantine-color-grape-7)',
  'var(--mantine-color-red-8)',
  'var(--mantine-color-gray-7)',
] as const;

export const colorOf = (index: number, color?: string): string =>
  color ?? SERIES_COLORS[index % SERIES_COLORS.length]!;

/** Text on the charts: dark enough for 4.5:1 on white. */
export const INK = 'var(--mantine-color-gray-9)';
export const GRID = 'var(--mantine-color-gray-3)';
export const TARGET = 'var(--mantine-color-red-9)';
