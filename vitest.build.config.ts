import { defineConfig } from "vitest/config";

import base from "./vitest.config";

/** Tests that read the production build (`.next/`): scripts/test.mjs runs them right after `next build`. */
export default defineConfig({ ...base, test: { ...base.test, include: ["lib/**/*.build-test.ts"] } });
