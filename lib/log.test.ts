import { describe, expect, it } from "vitest";

import { redact } from "./log";

describe("log redaction", () => {
  it("masks secrets by key and capability tokens in paths, keeping the rest", () => {
    expect(
      redact({
        path: "/s/3q2-Xk9aZ_bq7Wm1pL0sT4uV8yC6dE5fG2hJ9kL1mN0?x=1",
        invite: "/invite/AbCdEfGhIjKlMnOpQrStUvWxYz012345",
        callback: "/sign-in?callbackUrl=%2Finvite%2FAbCdEfGhIjKlMnOpQrStUvWxYz012345",
        password: "hunter2hunter2",
        headers: { cookie: "authjs.session-token=abc", "user-agent": "curl" },
        sessionToken: "abc",
        requestId: "7f1c",
      }),
    ).toEqual({
      path: "/s/[redacted]?x=1",
      invite: "/invite/[redacted]",
      callback: "/sign-in?callbackUrl=%2Finvite%2F[redacted]",
      password: "[redacted]",
      headers: { cookie: "[redacted]", "user-agent": "curl" },
      sessionToken: "[redacted]",
      requestId: "7f1c",
    });
  });
});
