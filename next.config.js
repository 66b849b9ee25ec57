/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm run test:faults` builds a PostgreSQL variant into .next/faults-pg beside the normal build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm run bench` builds with BENCH=1, which adds the benchmark floors
  // (app/bench/**/*.bench.ts[x]). Normal builds never see those files.
  pageExtensions: process.env.BENCH === "1" ? ["tsx", "ts", "jsx", "js", "bench.ts", "bench.tsx"] : ["tsx", "ts", "jsx", "js"],
  // `npm test` runs `tsc --noEmit` over the whole project (scripts and tests too);
  // skipping the same check inside `next build` saves ~20 s per build.
  typescript: { ignoreBuildErrors: true },
  // Team import uploads a levelset.team/v1 file of up to 4 MB (lib/teams/export-format.ts) to a server action.
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
  // Native or Node-only packages stay outside the server bundle.
  // Invitation URLs carry a capability token: never leak it in a Referer header.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Share pages (/s/<token>) are capability URLs: never indexed, never leaked in a Referer, never cached.
  // Applies to every /s/ response: the page, its 404 and its preview image.
  // Invitations are capability URLs too.
  async headers() {
    return [
      // public/ is served without the proxy (proxy.ts): its files still get nosniff.
      {
        source: "/:file(favicon.ico|favicon.svg|apple-touch-icon.png|manifest.webmanifest|robots.txt|icons/.*)",
        headers: [{ key: "X-Content-Type-Options", value: "nosniff" }],
      },
      { source: "/invite/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      {
        source: "/s/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
