import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "generated/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // House rule 1: the rubric engine is pure.
    files: ["lib/rubric/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "react", "react-*", "@prisma/*", "@/lib/db", "@/lib/dal/*", "@/generated/*"], message: "lib/rubric must stay pure (DESIGN.md rule 1)." }] },
      ],
    },
  },
  {
    // House rule 2/3: only the DAL touches the database client.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db", "@/generated/*"], message: "Reach data only through lib/dal (DESIGN.md rules 2–3)." }] },
      ],
    },
  },
]);
