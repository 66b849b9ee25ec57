import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import localFont from "next/font/local";

import "./globals.css";

// Self-hosted (no network at build): Inter's variable font from @fontsource-variable/inter.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export const metadata: Metadata = {
  title: { default: "LevelSet — decide how far to take your LLM feature", template: "%s · LevelSet" },
  description:
    "Decision workshops for AI product teams: prompt + retrieval, adapters/LoRA, a full fine-tune, or build evals first — decided together, with the reasons on record.",
  applicationName: "LevelSet",
  // The files in public/ (scripts/icons/generate.mjs renders the raster ones from favicon.svg).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/favicon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, which a CSP nonce
  // needs (Next puts the proxy's nonce on its scripts; a prerendered page has none).
  await headers();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
