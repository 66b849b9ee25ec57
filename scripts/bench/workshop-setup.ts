/**
 * For `npm run bench:workshop`: opens live sessions on fresh decisions of the
 * demo team, as its facilitator, through the DAL (what the "Start the live
 * session" form does), and prints their codes and each step's form fields as
 * JSON. Run with `tsx --conditions=react-server` and DATABASE_URL set.
 *   tsx --conditions=react-server scripts/bench/workshop-setup.ts --sessions 6
 */
import { createDecision } from "@/lib/dal/decisions";
import { startLiveSession } from "@/lib/dal/live-sessions";
import { createPrismaClient } from "@/lib/db";
import { CURRENT_RUBRIC_VERSION, requireRubric } from "@/lib/rubric";
import { fieldName, UNKNOWN_VALUE } from "@/lib/workshop/step-form";

import { DEMO_TEAM, DEMO_USERS } from "../../prisma/seed-data";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main() {
  const sessions = arg("sessions", 4);
  const email = DEMO_USERS.find((u) => u.key === "facilitator")!.email;
  const db = createPrismaClient();
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  await db.$disconnect();
  const actor = { userId: user.id };
  const codes: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const { id } = await createDecision(actor, DEMO_TEAM.slug, {
      title: `Bench live workshop ${i + 1}`,
      context: "A support assistant that answers customers' tickets (benchmark session).",
      ownerId: user.id,
    });
    const { code } = await startLiveSession(actor, DEMO_TEAM.slug, id, { anonymous: false, observersAllowed: true, timerMinutes: null });
    codes.push(code);
  }
  // Per step, each question's form field and the values a participant may pick (the first two options, or "don't know").
  const steps = requireRubric(CURRENT_RUBRIC_VERSION).sections.map((section) => ({
    id: section.id,
    fields: section.questions.map((q) => ({
      name: fieldName(q.id),
      values:
        q.type === "choice" || q.type === "multi"
          ? (q.options ?? []).slice(0, 2).map((o) => o.id)
          : q.type === "boolean"
            ? ["true", "false"]
            : [UNKNOWN_VALUE],
    })),
  }));
  console.log(JSON.stringify({ team: DEMO_TEAM.slug, facilitator: email, codes, steps }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
