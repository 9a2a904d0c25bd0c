// biome-ignore-all lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; the rule takes it for a link.
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * A mark of a chart (bar, point) that opens the tickets behind it: an SVG link, so it is focusable, named
 * and opens in a new tab on a middle click; a plain click goes through the router without a reload.
 */
export function ChartLink({
  href,
  label,
  children,
}: {
  href: string | null | undefined;
  label: string;
  children: ReactNode;
}) {
  const router = useRouter();
  if (!href)
    return (
      <g role="img" aria-label={label}>
        <title>{label}</title>
        {children}
      </g>
    );
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.history.push(href);
  };
  return (
    <a href={href} aria-label={label} className="chart-link" onClick={follow}>
      <title>{label}</title>
      {children}
    </a>
  );
}
