import { z } from "zod";

export const ROLES = ["owner", "facilitator", "member", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  facilitator: "Facilitator",
  member: "Member",
  viewer: "Viewer",
};

/** What each role may do. Checked inside DAL queries, never only in pages. */
export const CAN = {
  manageTeam: ["owner"],
  createDecision: ["owner", "facilitator"],
  decide: ["owner", "facilitator"],
  answer: ["owner", "facilitator", "member"],
  share: ["owner", "facilitator"],
  read: ["owner", "facilitator", "member", "viewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAN;

export function roleCan(role: Role, capability: Capability): boolean {
  return (CAN[capability] as readonly Role[]).includes(role);
}
