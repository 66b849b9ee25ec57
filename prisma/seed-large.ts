/**
 * `npm run seed:large` — a large, realistic decision log for benchmarks:
 * 100 000 decisions across 50 teams by default (`-- --decisions N --teams T`).
 * Every team is owned by bench@levelset.test (password below). Answers are
 * random but valid for rubric v1; recorded decisions store the engine's Result.
 * Idempotent per team slug: existing `large-*` teams are left alone.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

import type { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db";
import { defaultReviewBy } from "@/lib/decisions/review";
import { searchTextOf } from "@/lib/decisions/search";
import { type Answers, CURRENT_RUBRIC_VERSION, requireRubric, score } from "@/lib/rubric";

export const BENCH_USER = { email: "bench@levelset.test", password: "levelset-bench-2026", name: "Bench Owner" };

/** Deterministic PRNG (mulberry32), so two runs make the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEATURES = ["support chatbot", "contract extractor", "sales email helper", "code review bot", "search assistant", "claims triage", "meeting summariser", "catalogue tagger", "HR policy helper", "invoice reader"];
const AUDIENCES = ["customers", "the legal team", "sales reps", "engineers", "analysts", "claims handlers", "managers", "merchants"];
const NOTE_WORDS = ["latency", "refunds", "policy", "drift", "reranker", "GDPR", "tenant", "golden set", "canary", "redaction"];

export function randomAnswers(next: () => number): Answers {
  const rubric = requireRubric(CURRENT_RUBRIC_VERSION);
  const answers: Record<string, unknown> = {};
  for (const section of rubric.sections) {
    for (const q of section.questions) {
      const r = next();
      if (r < 0.12) continue; // not answered
      if (r < 0.18) {
        answers[q.id] = null; // we don't know
        continue;
      }
      switch (q.type) {
        case "choice":
          answers[q.id] = q.options![Math.floor(next() * q.options!.length)]!.id;
          break;
        case "multi":
          answers[q.id] = q.options!.filter(() => next() < 0.5).map((o) => o.id);
          break;
        case "boolean":
          answers[q.id] = next() < 0.5;
          break;
        case "integer":
          answers[q.id] = Math.max(q.min ?? 0, Math.floor(next() * (q.id.endsWith("tenant_variants") ? 20 : 5000)));
          break;
        case "number":
          answers[q.id] = Math.round(next() * (q.id.endsWith("hallucination_rate_pct") ? 15 : 100) * 10) / 10;
          break;
      }
    }
  }
  return answers as Answers;
}

async function main() {
  const { values } = parseArgs({ options: { decisions: { type: "string", default: "100000" }, teams: { type: "string", default: "50" } } });
  const total = Number(values.decisions);
  const teams = Number(values.teams);
  const perTeam = Math.ceil(total / teams);
  const db = createPrismaClient();
  const started = Date.now();
  const next = rng(42);
  const now = Date.now();
  const DAY = 24 * 3600 * 1000;
  const user = await db.user.upsert({
    where: { email: BENCH_USER.email },
    update: {},
    create: { email: BENCH_USER.email, name: BENCH_USER.name, passwordHash: await hashPassword(BENCH_USER.password) },
    select: { id: true },
  });
  let created = 0;
  for (let t = 1; t <= teams; t++) {
    const slug = `large-${String(t).padStart(2, "0")}`;
    if (await db.team.findUnique({ where: { slug }, select: { id: true } })) continue;
    const team = await db.team.create({
      data: { slug, name: `Large team ${t}`, memberships: { create: { userId: user.id, role: "owner" } } },
      select: { id: true },
    });
    const count = Math.min(perTeam, total - (t - 1) * perTeam);
    for (let offset = 0; offset < count; offset += 1000) {
      const batch: Prisma.DecisionCreateManyInput[] = [];
      for (let i = offset; i < Math.min(count, offset + 1000); i++) {
        const answers = randomAnswers(next);
        const decided = next() < 0.7;
        const result = score(answers, CURRENT_RUBRIC_VERSION);
        const createdAt = new Date(now - Math.floor(next() * 720) * DAY);
        const decidedAt = decided ? new Date(createdAt.getTime() + Math.floor(next() * 10) * DAY) : null;
        const title = `${FEATURES[i % FEATURES.length]} #${i + 1}`;
        const context = `An LLM ${FEATURES[i % FEATURES.length]} for ${AUDIENCES[i % AUDIENCES.length]}.`;
        const notes = { "notes.constraints": `Watch ${NOTE_WORDS[i % NOTE_WORDS.length]} and ${NOTE_WORDS[(i * 7) % NOTE_WORDS.length]}.` };
        batch.push({
          id: randomUUID(),
          teamId: team.id,
          title,
          context,
          participants: ["Ana", "Bo"],
          ownerId: user.id,
          createdById: user.id,
          status: decided ? "decided" : "draft",
          rubricVersion: CURRENT_RUBRIC_VERSION,
          answers: answers as Prisma.InputJsonObject,
          notes,
          result: decided ? (result as unknown as Prisma.InputJsonObject) : undefined,
          recommendedLevel: result.level,
          finalLevel: decided ? result.level : null,
          decidedAt,
          reviewBy: decidedAt ? defaultReviewBy(answers["constraints.change_velocity"], decidedAt) : null,
          searchText: searchTextOf(title, context, notes),
          createdAt,
          updatedAt: decidedAt ?? createdAt,
        });
      }
      await db.decision.createMany({ data: batch });
      created += batch.length;
    }
    process.stdout.write(`\r${slug}: ${created} decisions (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  console.log(`\nseed:large done: ${created} new decisions in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in as ${BENCH_USER.email} / ${BENCH_USER.password}.`);
  await db.$disconnect();
}

const isMain = process.argv[1]?.endsWith("seed-large.ts");
if (isMain) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
