/**
 * axe-core in a real page: inject node_modules/axe-core/axe.min.js, run it on the whole document
 * and return its violations, with a report that names each rule, its impact, the elements'
 * selectors and axe's summary of what to fix.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeNode {
  target: string[];
  failureSummary: string;
  html: string;
}

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** The impacts that fail a test. */
export const BLOCKING: readonly Impact[] = ['serious', 'critical'];

/** Runs axe-core on the page as it is now (WCAG 2.x A/AA and axe's best practices). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary, html: n.html.slice(0, 160) })),
    }));
  });
}

/** Elements listed per rule in a report. */
const MAX_NODES = 25;

/** One line per violation and one indented line per element, for a failing test's message. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} rule(s) violated`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} element(s)) ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, MAX_NODES)) {
      lines.push(`    ${n.target.join(' >> ')}: ${n.failureSummary.replace(/\s+/g, ' ').trim()}`);
    }
    if (v.nodes.length > MAX_NODES) lines.push(`    … and ${v.nodes.length - MAX_NODES} more`);
  }
  return lines.join('\n');
}

/** The violations a test fails on (impact serious or critical). */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact !== null && BLOCKING.includes(v.impact));
}
