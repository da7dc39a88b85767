// Verification reports: a line a verdict with a closing count, JUnit XML for CI (a failed rule a failure, not applicable skipped), and JSON.
import { sourceText, xmlEscape } from '../report.js';
import type { RuleStatus, RuleVerdict, VerifyReport } from './types.js';

export type VerdictCounts = Record<RuleStatus, number>;

export function verdictCounts(rules: readonly RuleVerdict[]): VerdictCounts {
  const c: VerdictCounts = { passed: 0, failed: 0, not_applicable: 0 };
  for (const r of rules) c[r.status] += 1;
  return c;
}

const entries = (ids: readonly number[]): string => (ids.length === 0 ? '' : ` (entr${ids.length === 1 ? 'y' : 'ies'} ${ids.join(', ')})`);
const who = (v: RuleVerdict): string => `${v.provider} ${v.client ?? '(no client)'}`;

/** `✓ provider client: sentence`, `✗ … — reason (entries …)` with its source below, `- … (not applicable)`. */
export function verdictLine(v: RuleVerdict): string {
  if (v.status === 'passed') return `✓ ${who(v)}: ${v.sentence}`;
  if (v.status === 'not_applicable') return `- ${who(v)}: ${v.sentence} (not applicable)`;
  return `✗ ${who(v)}: ${v.sentence} — ${v.reason ?? 'failed'}${entries(v.evidence)}\n    rule: ${v.id}; source: ${sourceText(v.source)}`;
}

export function verdictClosingLine(rules: readonly RuleVerdict[]): string {
  const c = verdictCounts(rules);
  return `${c.passed} passed, ${c.failed} failed, ${c.not_applicable} not applicable`;
}

export function verifyJunitXml(report: VerifyReport, target: string): string {
  const providers = [...new Set(report.rules.map((r) => r.provider))];
  const suites = providers.map((provider) => {
    const rules = report.rules.filter((r) => r.provider === provider);
    const c = verdictCounts(rules);
    const cases = rules.map((r) => {
      const open = `    <testcase name="${xmlEscape(`${r.client ?? '(no client)'}: ${r.sentence}`)}" classname="${xmlEscape(r.id)}" time="0"`;
      if (r.status === 'passed') return `${open}/>`;
      if (r.status === 'not_applicable') return `${open}>\n      <skipped message="not applicable: no entries of this client show the rule"/>\n    </testcase>`;
      const detail = `${r.reason ?? 'failed'}\nevidence: journal entries ${r.evidence.join(', ')}\nsource: ${sourceText(r.source)}\nrule: ${r.id}`;
      return `${open}>\n      <failure message="${xmlEscape(r.reason ?? 'failed')}" type="ClientRuleFailed">${xmlEscape(detail)}</failure>\n    </testcase>`;
    });
    return [`  <testsuite name="${xmlEscape(provider)}" tests="${rules.length}" failures="${c.failed}" errors="0" skipped="${c.not_applicable}" time="0">`, ...cases, '  </testsuite>'].join('\n');
  });
  const c = verdictCounts(report.rules);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pms-sandbox verify ${xmlEscape(target)}" tests="${report.rules.length}" failures="${c.failed}" errors="0" skipped="${c.not_applicable}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export function verifyJsonReport(report: VerifyReport, target: string): string {
  return `${JSON.stringify({ target, counts: verdictCounts(report.rules), rules: report.rules }, null, 2)}\n`;
}
