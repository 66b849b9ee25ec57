/**
 * Seeds the demo: `npm run db:seed` (also run by `npm run demo` when the
 * database is empty). Idempotent: does nothing when the demo team exists.
 * Runs with `tsx --conditions=react-server` so that server-only modules load.
 */
import type { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db";
import { defaultReviewBy } from "@/lib/decisions/review";
import { searchTextOf } from "@/lib/decisions/search";
import { CURRENT_RUBRIC_VERSION, score } from "@/lib/rubric";

import { DEMO_DECISIONS, DEMO_PASSWORD, DEMO_TEAM, DEMO_USERS } from "./seed-data";

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemo(db = createPrismaClient(), now = new Date()) {
  if (await db.team.findUnique({ where: { slug: DEMO_TEAM.slug }, select: { id: true } })) {
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const users = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await tx.user.upsert({
        where: { email: u.email },
        update: {},
        create: { name: u.name, email: u.email, passwordHash },
        select: { id: true },
      });
      users.set(u.key, user.id);
    }
    const facilitatorId = users.get("facilitator")!;
    const team = await tx.team.create({
      data: {
        name: DEMO_TEAM.name,
        slug: DEMO_TEAM.slug,
        memberships: { create: DEMO_USERS.map((u) => ({ userId: users.get(u.key)!, role: u.role })) },
      },
    });
    await tx.auditEvent.create({
      data: { teamId: team.id, actorId: facilitatorId, action: "team.created", after: { name: team.name } },
    });

    for (const d of DEMO_DECISIONS) {
      const decidedAt = d.decidedDaysAgo === undefined ? null : new Date(now.getTime() - d.decidedDaysAgo * DAY);
      const createdAt = new Date((decidedAt ?? now).getTime() - 2 * DAY);
      const result = d.status === "decided" ? score(d.answers, CURRENT_RUBRIC_VERSION) : null;
      const decision = await tx.decision.create({
        data: {
          teamId: team.id,
          title: d.title,
          context: d.context,
          participants: d.participants,
          ownerId: facilitatorId,
          createdById: facilitatorId,
          status: d.status,
          rubricVersion: CURRENT_RUBRIC_VERSION,
          answers: d.answers,
          notes: d.notes,
          searchText: searchTextOf(d.title, d.context, d.notes),
          result: (result ?? undefined) as Prisma.InputJsonObject | undefined,
          recommendedLevel: result?.level ?? null,
          finalLevel: result ? (d.override?.level ?? result.level) : null,
          overrideRationale: d.override?.rationale ?? null,
          decidedAt,
          reviewBy: decidedAt ? defaultReviewBy(d.answers["constraints.change_velocity"], decidedAt) : null,
          createdAt,
          updatedAt: decidedAt ?? now,
        },
      });
      await tx.auditEvent.create({
        data: { teamId: team.id, decisionId: decision.id, actorId: facilitatorId, action: "decision.created", createdAt },
      });
      if (result && decidedAt) {
        await tx.auditEvent.create({
          data: {
            teamId: team.id,
            decisionId: decision.id,
            actorId: facilitatorId,
            action: "decision.recorded",
            after: { finalLevel: d.override?.level ?? result.level, recommendedLevel: result.level },
            createdAt: decidedAt,
          },
        });
      }
    }
  });
  return { created: true };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  const db = createPrismaClient();
  seedDemo(db)
    .then(({ created }) => {
      console.log(created ? "Seeded the demo team and decisions." : "Demo data already present; nothing to seed.");
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
