// axe-core in the page: its source injected as a script (no network), run on the whole document.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type TViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** The serious and critical accessibility violations on the page as it stands (WCAG 2.1 A and AA). */
export async function seriousViolations(page: Page): Promise<TViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type TAxe = {
      run: (
        context: unknown,
        options: object,
      ) => Promise<{
        violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      }>;
    };
    // Runs in the page, where axe and document are globals (this file compiles without the DOM library).
    const page = globalThis as unknown as { axe: TAxe; document: unknown };
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}
