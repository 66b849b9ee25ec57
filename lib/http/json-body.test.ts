import { describe, expect, it } from "vitest";
import { isJsonContentType, readJsonBody } from "./json-body";

const URL_ = "http://localhost/x";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  Object.defineProperty(stream, "pulled", { get: () => pulled });
  return stream;
}

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("isJsonContentType", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON;Charset=UTF-8", true],
    ['application/json; charset="utf-8"', true],
    ["application/json; charset=latin1", false],
    ["text/plain", false],
    ["application/jsonp", false],
    ["application/x-www-form-urlencoded", false],
    ["", false],
  ])("%s → %s", (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
  it("null → false", () => expect(isJsonContentType(null)).toBe(false));
});

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    expect(await readJsonBody(post('{"a":[1,2]}'))).toEqual({ ok: true, value: { a: [1, 2] }, bytes: 11 });
  });

  it("415 before reading anything", async () => {
    const out = await readJsonBody(post("{}", { "content-type": "text/plain" }));
    expect(out.ok === false && out.status).toBe(415);
  });

  it("accepts exactly the limit and rejects one byte more (no Content-Length, streamed)", async () => {
    const exact = `"${"a".repeat(98)}"`; // 100 bytes
    const ok = await readJsonBody(post(streamOf([new TextEncoder().encode(exact)])), { maxBytes: 100 });
    expect(ok.ok).toBe(true);
    const over = await readJsonBody(post(streamOf([new TextEncoder().encode(`${exact} `)])), { maxBytes: 100 });
    expect(over.ok === false && over.status).toBe(413);
  });

  it("stops reading a stream as soon as it passes the cap", async () => {
    const chunk = new Uint8Array(40).fill(0x20);
    const stream = streamOf(Array.from({ length: 1000 }, () => chunk));
    const out = await readJsonBody(post(stream), { maxBytes: 100 });
    expect(out.ok === false && out.status).toBe(413);
    expect((stream as unknown as { pulled: number }).pulled).toBeLessThan(10);
  });

  it("413 from a declared Content-Length above the limit", async () => {
    const out = await readJsonBody(post("{}", { "content-type": "application/json", "content-length": "1000000" }), { maxBytes: 100 });
    expect(out.ok === false && out.status).toBe(413);
  });

  it.each([
    ["broken JSON", "{", "The body is not valid JSON."],
    ["empty body", "", "The body is empty."],
    ["whitespace body", "  \n", "The body is empty."],
  ])("400 for %s", async (_name, body, message) => {
    const out = await readJsonBody(post(body));
    expect(out).toEqual({ ok: false, status: 400, error: "Invalid JSON", issues: [{ path: "", message }] });
  });

  it("400 for invalid UTF-8", async () => {
    const out = await readJsonBody(post(new Uint8Array([0x22, 0xff, 0xfe, 0x22])));
    expect(out.ok === false && out.status).toBe(400);
    expect(out.ok === false && out.issues[0]?.message).toMatch(/UTF-8/);
  });

  it("400 for a missing body", async () => {
    const out = await readJsonBody(new Request(URL_, { method: "POST", headers: { "content-type": "application/json" } }));
    expect(out.ok === false && out.status).toBe(400);
  });
});
