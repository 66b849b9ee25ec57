import { describe, expect, it } from "vitest";
import { resultSchema, score } from "@/lib/rubric";
import { WORKED_EXAMPLES_V1 } from "@/lib/rubric/worked-examples";
import { POST } from "./route";

const URL_ = "http://localhost:3000/api/v1/score";

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return POST(new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}
const postJson = (value: unknown) => post(JSON.stringify(value));

async function expectError(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: string; issues?: { path: string; message: string }[] };
  expect(typeof body.error).toBe("string");
  return body;
}

describe("POST /api/v1/score", () => {
  it.each(WORKED_EXAMPLES_V1.map((example) => [example.name, example] as const))("round trip: worked example %s", async (_name, example) => {
    const res = await postJson({ rubricVersion: "v1", answers: example.answers });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    const body = JSON.parse(text) as ReturnType<typeof score>;
    expect(body.level).toBe(example.level);
    if (example.notLevel) expect(body.level).not.toBe(example.notLevel);
    if (example.blocker) expect(body.blockers.map((b) => b.id)).toContain(example.blocker);
    expect(resultSchema.safeParse(body).success).toBe(true);
    // The API returns exactly what score() returns, byte for byte.
    expect(text).toBe(JSON.stringify(score(example.answers, "v1")));
  });

  it("accepts application/json; charset=utf-8", async () => {
    const res = await post(JSON.stringify({ rubricVersion: "v1", answers: {} }), { "content-type": "application/json; charset=utf-8" });
    expect(res.status).toBe(200);
  });

  it("400 for invalid JSON", async () => {
    const body = await expectError(await post('{"rubricVersion": "v1", '), 400);
    expect(body).toEqual({ error: "Invalid JSON", issues: [{ path: "", message: "The body is not valid JSON." }] });
  });

  it("400 for invalid answers, naming every path (question ids kept whole)", async () => {
    const res = await postJson({
      rubricVersion: "v1",
      answers: {
        "level0.hallucination_rate_pct": 140,
        "constraints.eval_harness": "sometimes",
        "data.practices": ["lineage", "lineage"],
        "level9.mystery": true,
      },
    });
    const body = await expectError(res, 400);
    expect(body.error).toBe("Invalid request");
    expect(body.issues?.map((i) => i.path)).toEqual([
      "answers.constraints.eval_harness",
      "answers.level0.hallucination_rate_pct",
      "answers.data.practices[1]",
      "answers.level9.mystery",
    ]);
    expect(body.issues?.every((i) => i.message.length > 0)).toBe(true);
  });

  it("400 for unknown top-level keys, and for a missing answers object", async () => {
    const body = await expectError(await postJson({ rubricVersion: "v1", answers: {}, team: "acme" }), 400);
    expect(body.issues).toEqual([{ path: "team", message: "Unknown field" }]);
    const missing = await expectError(await postJson({ rubricVersion: "v1" }), 400);
    expect(missing.issues?.map((i) => i.path)).toEqual(["answers"]);
  });

  it("400 when rubricVersion is missing or not a string, or the body is not an object", async () => {
    const missing = await expectError(await postJson({ answers: {} }), 400);
    expect(missing.issues?.map((i) => i.path)).toEqual(["rubricVersion"]);
    const wrongType = await expectError(await postJson({ rubricVersion: 1, answers: {}, x: 1 }), 400);
    expect(wrongType.issues?.map((i) => i.path)).toEqual(["rubricVersion", "x"]);
    const array = await expectError(await postJson([1, 2]), 400);
    expect(array.issues?.length).toBeGreaterThan(0);
  });

  it("prototype keys are unknown ids and unknown versions, never special", async () => {
    const body = await expectError(await post('{"rubricVersion":"v1","answers":{"__proto__":{"x":1},"constructor":1}}'), 400);
    expect(body.issues?.map((i) => i.path)).toEqual(["answers.__proto__", "answers.constructor"]);
    await expectError(await postJson({ rubricVersion: "__proto__", answers: {} }), 404);
    await expectError(await postJson({ rubricVersion: "toString", answers: {} }), 404);
  });

  it("404 for an unknown rubric version", async () => {
    const body = await expectError(await postJson({ rubricVersion: "v0", answers: {} }), 404);
    expect(body).toEqual({ error: 'Unknown rubric version "v0"' });
  });

  it("413 when Content-Length declares more than 64 KB", async () => {
    const res = await post("{}", { "content-type": "application/json", "content-length": String(64 * 1024 + 1) });
    await expectError(res, 413);
  });

  it("413 when the body is above 64 KB without a Content-Length (streamed)", async () => {
    const big = JSON.stringify({ rubricVersion: "v1", answers: {}, pad: "x".repeat(64 * 1024) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const req = new Request(URL_, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    await expectError(await POST(req), 413);
  });

  it("a body of exactly 64 KB is read (and judged on its content)", async () => {
    const base = JSON.stringify({ rubricVersion: "v1", answers: {} });
    const padded = base + " ".repeat(64 * 1024 - base.length);
    expect(new TextEncoder().encode(padded).byteLength).toBe(64 * 1024);
    expect((await post(padded)).status).toBe(200);
    expect((await post(`${padded} `)).status).toBe(413);
  });

  it.each([["text/plain"], ["application/x-www-form-urlencoded"], ["application/json; charset=iso-8859-1"]])(
    "415 for Content-Type %s",
    async (type) => {
      await expectError(await post(JSON.stringify({ rubricVersion: "v1", answers: {} }), { "content-type": type }), 415);
    },
  );

  it("415 without a Content-Type", async () => {
    const req = new Request(URL_, { method: "POST", body: new Uint8Array([0x7b, 0x7d]) });
    expect(req.headers.get("content-type")).toBeNull();
    await expectError(await POST(req), 415);
  });
});

describe("score route stays away from team data", () => {
  it("neither the route nor lib/http imports lib/db, lib/dal or Prisma", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const httpDir = new URL("../../../../lib/http/", import.meta.url);
    const files = [new URL("./route.ts", import.meta.url), ...readdirSync(httpDir).filter((f) => f.endsWith(".ts")).map((f) => new URL(f, httpDir))];
    for (const file of files) {
      const specifiers = [...readFileSync(file, "utf8").matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]);
      for (const spec of specifiers) expect(spec, String(file)).not.toMatch(/lib\/(db|dal)|@prisma|^next(\/|$)/);
    }
  });
});
