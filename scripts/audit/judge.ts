/**
 * Reads `npm audit --json` (report version 2, npm 7+) and decides: no high or
 * critical advisory in the production dependencies → pass. A registry that
 * refuses the audit endpoint gives an error object instead of a report: that
 * is "unavailable", never a pass.
 */
export type AuditVerdict =
  | { status: "pass"; counts: Record<string, number> }
  | { status: "fail"; counts: Record<string, number>; findings: { name: string; severity: string; advisories: string[] }[] }
  | { status: "unavailable"; reason: string };

const BLOCKING = new Set(["high", "critical"]);

type Via = string | { title?: string; url?: string; severity?: string };
type Report = {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { name?: string; severity?: string; via?: Via[] }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  statusCode?: number;
  error?: unknown;
};

export function judgeAudit(raw: unknown): AuditVerdict {
  const report = (raw ?? {}) as Report;
  if (report.auditReportVersion !== 2 || !report.metadata?.vulnerabilities) {
    const reason = report.message ?? (report.statusCode ? `the registry answered ${report.statusCode}` : "npm audit gave no report");
    return { status: "unavailable", reason };
  }
  const counts = report.metadata.vulnerabilities;
  const findings = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => BLOCKING.has(v.severity ?? ""))
    .map(([name, v]) => ({
      name: v.name ?? name,
      severity: v.severity!,
      advisories: (v.via ?? []).map((via) => (typeof via === "string" ? `via ${via}` : `${via.title ?? "advisory"}${via.url ? ` (${via.url})` : ""}`)),
    }));
  const blocking = (counts.high ?? 0) + (counts.critical ?? 0);
  return blocking > 0 || findings.length > 0 ? { status: "fail", counts, findings } : { status: "pass", counts };
}
