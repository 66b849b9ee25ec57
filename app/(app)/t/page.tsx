import { redirect } from "next/navigation";

import { requireUser } from "@/lib/dal/session";
import { listTeamsForUser } from "@/lib/dal/teams";

/** `/t`: where sign-in lands. Opens the user's first team, or asks for one. */
export default async function TeamsIndexPage() {
  const user = await requireUser("/t");
  const teams = await listTeamsForUser(user);
  redirect(teams[0] ? `/t/${teams[0].slug}` : "/teams/new");
}
