/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project (scripts and tests too);
  // skipping the same check inside `next build` saves ~20 s per build.
  typescript: { ignoreBuildErrors: true },
  // Native or Node-only packages stay outside the server bundle.
  // Invitation URLs carry a capability token: never leak it in a Referer header.
  async headers() {
    return [{ source: "/invite/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] }];
  },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
};

export default nextConfig;
