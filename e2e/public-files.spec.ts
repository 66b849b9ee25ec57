import { expect, test } from "./support/fixtures";

/**
 * public/ as the production build serves it: the icons a browser tab, a home
 * screen and a search engine ask for, each fetched and read as that client would.
 */

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "PNG signature").toBe(true);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("the favicon is served as SVG and as an ICO holding 16, 32 and 48 px images", async ({ request }) => {
  const svg = await request.get("/favicon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(svg.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await svg.text()).toMatch(/^<svg[^>]+viewBox="0 0 24 24"/);

  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  const bytes = await ico.body();
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  const count = bytes.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    const [length, offset] = [bytes.readUInt32LE(entry + 8), bytes.readUInt32LE(entry + 12)];
    const image = pngSize(bytes.subarray(offset, offset + length));
    expect(image.width).toBe(bytes.readUInt8(entry));
    sizes.push(image.width);
  }
  expect(sizes).toEqual([16, 32, 48]);
});

test("the apple-touch-icon is a 180 px PNG", async ({ request }) => {
  const response = await request.get("/apple-touch-icon.png");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await response.body())).toEqual({ width: 180, height: 180 });
});

test("robots.txt keeps share pages, invitations and the product out of search engines", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = (await response.text())
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
  expect(rules[0]).toBe("User-agent: *");
  for (const path of ["/s/", "/t/", "/invite/", "/live/", "/api/"]) expect(rules).toContain(`Disallow: ${path}`);
  // The landing page stays indexable.
  expect(rules.filter((r) => r.startsWith("Disallow:")).map((r) => r.slice(9).trim())).not.toContain("/");
});

test("the web app manifest names LevelSet and every icon it lists is served at its stated size", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest.short_name).toBe("LevelSet");
  expect(manifest.display).toBe("standalone");
  expect((await request.get(manifest.start_url, { maxRedirects: 0 })).status()).toBeLessThan(400);
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toMatch(new RegExp(`^${icon.type.replace("+", "\\+")}`));
    if (icon.type === "image/png") {
      const [w, h] = icon.sizes.split("x").map(Number);
      expect(pngSize(await file.body()), icon.src).toEqual({ width: w, height: h });
    }
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
});

test("every page's head points at the icons and the manifest", async ({ page, request }) => {
  await page.goto("/");
  const hrefs = await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]').evaluateAll((links) =>
    links.map((l) => `${l.getAttribute("rel")} ${new URL((l as HTMLLinkElement).href).pathname}`),
  );
  expect(hrefs).toEqual(
    expect.arrayContaining(["icon /favicon.ico", "icon /favicon.svg", "apple-touch-icon /apple-touch-icon.png", "manifest /manifest.webmanifest"]),
  );
  for (const href of hrefs) expect((await request.get(href.slice(href.indexOf(" ") + 1))).status(), href).toBe(200);
});
