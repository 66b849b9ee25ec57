import { describe, expect, it } from "vitest";

import { isNewerEtag } from "./etag";

describe("isNewerEtag", () => {
  it("orders by the room's revision, then by the participant's own", () => {
    expect(isNewerEtag('"12-3"', '"11-9"')).toBe(true);
    expect(isNewerEtag('"12-4"', '"12-3"')).toBe(true);
    expect(isNewerEtag('"11-9"', '"12-3"')).toBe(false);
    expect(isNewerEtag('"12-3"', '"12-3"')).toBe(false);
    // Numbers, not strings: 10 comes after 9.
    expect(isNewerEtag('"10-1"', '"9-1"')).toBe(true);
  });
});
