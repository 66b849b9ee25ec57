import { z } from "zod";

/**
 * The server's environment, validated once. Read it through `getEnv()` so that
 * `next build` (which evaluates modules) does not need production secrets;
 * `instrumentation.ts` calls it at server start so a missing secret stops the
 * server with a clear message instead of failing on the first sign-in.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine(
        (v) => v === undefined || /^(file:|postgres(ql)?:\/\/)/.test(v),
        "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      ),
    AUTH_SECRET: z.string().optional(),
    AUTH_URL: z.url().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "AUTH_SECRET is required in production (32+ characters). Generate one with `openssl rand -base64 33` " +
          "and set it in the environment or in .env.local (`npm run demo` writes one for you).",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`LevelSet cannot start: invalid environment\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Which database a URL selects. Unset or `file:` → SQLite; `postgres(ql)://` → PostgreSQL. */
export function databaseProvider(url: string | undefined): "sqlite" | "postgresql" {
  return url && /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

export const DEFAULT_SQLITE_URL = "file:./data/levelset.db";
