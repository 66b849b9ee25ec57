import { describe, expect, it } from "vitest";

import { judgeAudit } from "./judge";

const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) => ({
  auditReportVersion: 2,
  vulnerabilities,
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts }, dependencies: { prod: 100 } },
});

describe("npm audit verdict (production dependencies)", () => {
  it("passes a report with no high or critical advisory, even with moderate ones", () => {
    const verdict = judgeAudit(report({ postcss: { name: "postcss", severity: "moderate", via: [{ title: "Line return parsing", url: "https://github.com/advisories/GHSA-x" }] } }, { moderate: 1, total: 1 }));
    expect(verdict).toEqual({ status: "pass", counts: expect.objectContaining({ moderate: 1, high: 0, critical: 0 }) });
  });

  it("fails on a high or critical advisory and names the package and the advisory", () => {
    const verdict = judgeAudit(
      report(
        {
          next: { name: "next", severity: "critical", via: [{ title: "Authorization bypass in middleware", url: "https://github.com/advisories/GHSA-f82v-jwr5-mffw" }] },
          "some-wrapper": { name: "some-wrapper", severity: "high", via: ["next"] },
        },
        { high: 1, critical: 1, total: 2 },
      ),
    );
    expect(verdict.status).toBe("fail");
    if (verdict.status !== "fail") return;
    expect(verdict.findings).toEqual([
      { name: "next", severity: "critical", advisories: ["Authorization bypass in middleware (https://github.com/advisories/GHSA-f82v-jwr5-mffw)"] },
      { name: "some-wrapper", severity: "high", advisories: ["via next"] },
    ]);
  });

  it("never counts a refused audit endpoint as a pass", () => {
    // What this project's registry answers (npm 11): an error object, no report.
    const refused = { message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405, error: { summary: "", detail: "" } };
    expect(judgeAudit(refused)).toEqual({ status: "unavailable", reason: refused.message });
    expect(judgeAudit(null).status).toBe("unavailable");
  });
});
