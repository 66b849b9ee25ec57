import { describe, expect, it } from "vitest";

import { withFreshDatabase } from "@/lib/testing/test-db";

import { listDecisionChoices } from "./compare";
import { createDecision } from "./decisions";
import { AppError } from "./errors";
import { createUserWithTeam } from "./users";

withFreshDatabase();

async function newUser(label: string) {
  const { user, teamSlug } = await createUserWithTeam({
    name: `${label} Person`,
    email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@dal.test`,
    password: "a-long-enough-password",
  });
  return { actor: { userId: user.id }, user, teamSlug };
}

describe("listDecisionChoices", () => {
  it("lists the team's decisions by title, and nothing of another team", async () => {
    const owner = await newUser("chooser");
    const other = await newUser("other");
    const context = "A feature that answers questions for support agents.";
    await createDecision(owner.actor, owner.teamSlug, { title: "Zebra search", context, ownerId: owner.user.id });
    const apple = await createDecision(owner.actor, owner.teamSlug, { title: "Apple summariser", context, ownerId: owner.user.id });
    await createDecision(other.actor, other.teamSlug, { title: "Someone else's", context, ownerId: other.user.id });

    const choices = await listDecisionChoices(owner.actor, owner.teamSlug);
    expect(choices.map((c) => c.title)).toEqual(["Apple summariser", "Zebra search"]);
    expect(choices[0]).toEqual({ id: apple.id, title: "Apple summariser", status: "draft", level: null });
  });

  it("refuses a non-member with NOT_FOUND", async () => {
    const owner = await newUser("team");
    const stranger = await newUser("stranger");
    const error = await listDecisionChoices(stranger.actor, owner.teamSlug).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});
