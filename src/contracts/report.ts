// Contract run reports: a readable line a case with a closing count, JUnit XML for CI, and JSON; each case names the source of its truth.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseResult, Source } from './types.js';

export interface RunSummary {
  provider: string;
  target: { kind: 'sandbox' | 'live'; baseUrl: string; description: string };
  results: readonly CaseResult[];
  durationMs: number;
}

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function counts(results: readonly CaseResult[]): Counts {
  const c: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) c[r.status] += 1;
  return c;
}

export function sourceText(source: Source): string {
  if ('document' in source) return `${source.document}, "${source.section}"`;
  if ('page' in source) return source.retrieved ? `${source.page} (retrieved ${source.retrieved})` : source.page;
  return `assumption: ${source.assumption}`;
}

/** `✓ sentence`, `✗ sentence — reason` with its source below, `- sentence (skipped: reason)`. */
export function resultLine(r: CaseResult): string {
  if (r.status === 'passed') return `✓ ${r.sentence}`;
  if (r.status === 'skipped') return `- ${r.sentence} (skipped: ${r.reason ?? 'no reason given'})`;
  return `✗ ${r.sentence} — ${r.reason ?? 'failed'}\n    source: ${sourceText(r.source)}`;
}

export function closingLine(results: readonly CaseResult[]): string {
  const c = counts(results);
  return `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

export function textReport(summary: RunSummary): string {
  return [`${summary.provider} contract suite against ${summary.target.description}`, ...summary.results.map(resultLine), closingLine(summary.results)].join('\n');
}

/** XML 1.0 text: the five entities escaped, characters XML cannot carry dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export function junitXml(summary: RunSummary): string {
  const c = counts(summary.results);
  const attrs = `tests="${summary.results.length}" failures="${c.failed}" errors="0" skipped="${c.skipped}" time="${seconds(summary.durationMs)}"`;
  const cases = summary.results.map((r) => {
    const subject = r.id.includes('.') ? r.id.slice(0, r.id.indexOf('.')) : 'cases';
    const open = `    <testcase name="${xmlEscape(r.sentence)}" classname="${xmlEscape(`${summary.provider}.${subject}`)}" time="${seconds(r.durationMs)}"`;
    if (r.status === 'passed') return `${open}/>`;
    if (r.status === 'skipped') return `${open}>\n      <skipped message="${xmlEscape(r.reason ?? '')}"/>\n    </testcase>`;
    const detail = `${r.reason ?? 'failed'}\nsource: ${sourceText(r.source)}\ncase: ${r.id}`;
    return `${open}>\n      <failure message="${xmlEscape(r.reason ?? 'failed')}" type="ContractMismatch">${xmlEscape(detail)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pms-sandbox contract" ${attrs}>`,
    `  <testsuite name="${xmlEscape(summary.provider)}" ${attrs}>`,
    '    <properties>',
    `      <property name="target" value="${xmlEscape(summary.target.description)}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export function jsonReport(summary: RunSummary): string {
  const report = {
    provider: summary.provider,
    target: summary.target,
    counts: counts(summary.results),
    durationMs: Math.round(summary.durationMs),
    results: summary.results,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function writeReport(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}
