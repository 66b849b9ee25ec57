/**
 * The authorization matrix of the product, as data: every page, server action
 * and route handler × every kind of visitor → what must happen. The e2e spec
 * `e2e/authz-matrix.spec.ts` walks it in a browser; later issues add rows here.
 *
 * Outcomes:
 * - `allow`            — works (pages: 200 with content).
 * - `not_found`        — 404, exactly as for a team or decision that does not exist.
 * - `forbidden_reason` — a member lacking the capability: the page renders (200)
 *                         read-only with a sentence saying why; a write is refused
 *                         with that reason; nothing is written.
 * - `redirect_sign_in` — anonymous visitor of a signed-in page: sent to /sign-in
 *                         with a callbackUrl; nothing is written.
 * - `redirect_app`     — a signed-in visitor of a sign-in/up page goes into the app.
 *
 * Paths use placeholders the spec fills in: {teamSlug}, {decisionId}, {token}
 * (a valid invitation), {deadToken} (an unknown one), {deadCode} (an unknown live-session code).
 */

export const VISITORS = ["anonymous", "non_member", "viewer", "member", "facilitator", "owner"] as const;
export type Visitor = (typeof VISITORS)[number];
export type Outcome = "allow" | "not_found" | "forbidden_reason" | "redirect_sign_in" | "redirect_app";
export type Expectations = Record<Visitor, Outcome>;

export type PageRow = {
  kind: "page";
  name: string;
  path: string;
  expect: Expectations;
  /** For `forbidden_reason`: the sentence the page shows. */
  reason?: RegExp;
};

export type WriteRow = {
  kind: "action" | "route";
  name: string;
  /** Server action export (`file#export`) or `METHOD path` of a route handler. */
  target: string;
  /** Writes to the database (a denial must leave it unchanged). */
  writes: boolean;
  expect: Expectations;
  /**
   * How the browser spec exercises it: `replay` posts the form an owner sees
   * (captured before hydration) with each visitor's session; `fetch` calls the
   * route; `dal` is covered by the DAL integration tests only (named there).
   */
  probe: "replay" | "fetch" | "dal";
  /** For replay: the page whose form is captured, and which form. */
  form?: { path: string; submit: string | RegExp; reason?: RegExp };
};

export type MatrixRow = PageRow | WriteRow;

const all = (o: Outcome): Expectations => ({ anonymous: o, non_member: o, viewer: o, member: o, facilitator: o, owner: o });
const signedIn = (o: Outcome): Expectations => ({ ...all(o), anonymous: "redirect_sign_in" });
/** Inside a team: anonymous → sign in; outsiders → 404; members by capability. */
const team = (can: { viewer: Outcome; member: Outcome; facilitator: Outcome; owner?: Outcome }): Expectations => ({
  anonymous: "redirect_sign_in",
  non_member: "not_found",
  viewer: can.viewer,
  member: can.member,
  facilitator: can.facilitator,
  owner: can.owner ?? "allow",
});
const readers = team({ viewer: "allow", member: "allow", facilitator: "allow" });
const answerers = team({ viewer: "forbidden_reason", member: "allow", facilitator: "allow" });
const deciders = team({ viewer: "forbidden_reason", member: "forbidden_reason", facilitator: "allow" });
const owners = team({ viewer: "forbidden_reason", member: "forbidden_reason", facilitator: "forbidden_reason" });

const DECISION = "/t/{teamSlug}/decisions/{decisionId}";
const DECISION_ACTIONS = "app/(app)/t/[teamSlug]/decisions/actions.ts";
const SETTINGS_ACTIONS = "app/(app)/t/[teamSlug]/settings/actions.ts";

export const MATRIX: readonly MatrixRow[] = [
  // ---- Pages ---------------------------------------------------------------
  { kind: "page", name: "landing", path: "/", expect: all("allow") },
  { kind: "page", name: "sign in", path: "/sign-in", expect: { ...all("redirect_app"), anonymous: "allow" } },
  { kind: "page", name: "sign up", path: "/sign-up", expect: { ...all("redirect_app"), anonymous: "allow" } },
  { kind: "page", name: "teams index", path: "/t", expect: signedIn("allow") },
  { kind: "page", name: "team", path: "/t/{teamSlug}", expect: readers },
  {
    kind: "page",
    name: "new decision",
    path: "/t/{teamSlug}/decisions/new",
    expect: deciders,
    reason: /Only facilitators and owners start decisions/,
  },
  { kind: "page", name: "decision (redirects to its step)", path: DECISION, expect: readers },
  {
    kind: "page",
    name: "workshop step",
    path: `${DECISION}/steps/constraints`,
    expect: answerers,
    reason: /Viewers can read the workshop but not answer/,
  },
  { kind: "page", name: "review step", path: `${DECISION}/steps/review`, expect: readers },
  {
    kind: "page",
    name: "result",
    path: `${DECISION}/result`,
    expect: deciders,
    reason: /Only facilitators and owners record decisions/,
  },
  {
    kind: "page",
    name: "team settings",
    path: "/t/{teamSlug}/settings",
    expect: owners,
    reason: /Only owners invite people, change roles and remove members/,
  },
  { kind: "page", name: "new team", path: "/teams/new", expect: signedIn("allow") },
  { kind: "page", name: "your account", path: "/account", expect: signedIn("allow") },
  { kind: "page", name: "compare", path: "/t/{teamSlug}/compare?a={decisionId}&b={decisionId}", expect: readers },
  {
    kind: "page",
    name: "share links of a decision",
    path: `${DECISION}/share`,
    expect: deciders,
    reason: /Only owners and facilitators can create or revoke share links/,
  },
  { kind: "page", name: "public share page (unknown token)", path: "/s/{deadToken}", expect: all("not_found") },
  { kind: "page", name: "export: Markdown", path: `${DECISION}/export/markdown`, expect: readers },
  { kind: "page", name: "export: JSON", path: `${DECISION}/export/json`, expect: readers },
  { kind: "page", name: "decision log CSV", path: "/t/{teamSlug}/decisions.csv", expect: readers },
  {
    kind: "page",
    name: "start a live session",
    path: `${DECISION}/live`,
    expect: deciders,
    reason: /can join a live session but not start one/,
  },
  { kind: "page", name: "live room (unknown code)", path: "/live/{deadCode}", expect: all("not_found") },
  { kind: "page", name: "invitation (valid)", path: "/invite/{token}", expect: all("allow") },
  { kind: "page", name: "invitation (unknown)", path: "/invite/{deadToken}", expect: all("not_found") },
  { kind: "page", name: "API: rubrics", path: "/api/v1/rubrics", expect: all("allow") },
  { kind: "page", name: "API: rubric v1", path: "/api/v1/rubrics/v1", expect: all("allow") },
  { kind: "page", name: "API: OpenAPI", path: "/api/v1/openapi.json", expect: all("allow") },
  { kind: "page", name: "health (load balancers)", path: "/api/health", expect: all("allow") },
  // Auth.js's own handlers: the session endpoint answers everyone (null when signed out).
  { kind: "page", name: "Auth.js session", path: "/api/auth/session", expect: all("allow") },
  { kind: "page", name: "share preview image (unknown token)", path: "/s/{deadToken}/opengraph-image", expect: all("not_found") },

  // ---- Route handlers ------------------------------------------------------
  { kind: "route", name: "API: score (stateless)", target: "POST /api/v1/score", writes: false, expect: all("allow"), probe: "fetch" },
  {
    kind: "route",
    name: "step save (page-hide)",
    target: `POST ${DECISION}/steps/constraints/save`,
    writes: true,
    // The proxy sends cookie-less visitors to sign-in first; the handler itself
    // answers a request without a valid session with 404.
    expect: answerers,
    probe: "fetch",
  },

  {
    kind: "route",
    name: "team export (JSON)",
    target: "GET /t/{teamSlug}/settings/export",
    writes: false,
    // Other members get 403 with the reason (a download has no page to show it on).
    expect: owners,
    probe: "fetch",
  },
  // Auth.js's sign-in / sign-out endpoints, reached through the auth actions; e2e/auth.spec.ts covers them.
  { kind: "route", name: "Auth.js endpoints", target: "POST /api/auth/[...nextauth]", writes: false, expect: all("allow"), probe: "dal" },

  // The live room's handlers authorize by session membership (a member's session or a guest
  // cookie scoped to one live session); the live-session DAL tests and e2e cover each rule.
  ...(["state", "events", "join", "answer", "control"] as const).map(
    (name): WriteRow => ({
      kind: "route",
      name: `live room: ${name}`,
      target: `${name === "state" || name === "events" ? "GET" : "POST"} /live/[code]/${name}`,
      writes: name !== "state" && name !== "events",
      expect: all("allow"),
      probe: "dal",
    }),
  ),

  // ---- Server actions ------------------------------------------------------
  { kind: "action", name: "sign in", target: "app/(auth)/actions.ts#signInAction", writes: false, expect: all("allow"), probe: "dal" },
  { kind: "action", name: "sign up", target: "app/(auth)/actions.ts#signUpAction", writes: true, expect: all("allow"), probe: "dal" },
  { kind: "action", name: "sign out", target: "app/(auth)/actions.ts#signOutAction", writes: false, expect: all("allow"), probe: "dal" },
  {
    kind: "action",
    name: "change password",
    target: "app/(app)/account/actions.ts#changePasswordAction",
    writes: true,
    // Only ever the acting user's own row; wrong current passwords are rate-limited (DAL test, e2e).
    expect: signedIn("allow"),
    probe: "dal",
  },
  { kind: "action", name: "create team", target: "app/(app)/teams/actions.ts#createTeamAction", writes: true, expect: signedIn("allow"), probe: "dal" },
  // Always creates a new team the importing user owns (team-transfer DAL tests, e2e/team-transfer.spec.ts).
  { kind: "action", name: "import team", target: "app/(app)/teams/actions.ts#importTeamAction", writes: true, expect: signedIn("allow"), probe: "dal" },
  {
    kind: "action",
    name: "create decision",
    target: `${DECISION_ACTIONS}#createDecisionAction`,
    writes: true,
    expect: deciders,
    probe: "replay",
    form: { path: "/t/{teamSlug}/decisions/new", submit: "Create and start the workshop" },
  },
  { kind: "action", name: "save step", target: `${DECISION_ACTIONS}#saveStepAction`, writes: true, expect: answerers, probe: "dal" },
  { kind: "action", name: "continue to result", target: `${DECISION_ACTIONS}#continueToResultAction`, writes: true, expect: answerers, probe: "dal" },
  { kind: "action", name: "record decision", target: `${DECISION_ACTIONS}#recordDecisionAction`, writes: true, expect: deciders, probe: "dal" },
  { kind: "action", name: "reopen decision", target: `${DECISION_ACTIONS}#reopenDecisionAction`, writes: true, expect: deciders, probe: "dal" },
  { kind: "action", name: "revisit decision", target: `${DECISION_ACTIONS}#revisitDecisionAction`, writes: true, expect: deciders, probe: "dal" },
  { kind: "action", name: "archive / restore", target: `${DECISION_ACTIONS}#setArchivedAction`, writes: true, expect: deciders, probe: "dal" },
  {
    kind: "action",
    name: "create share link",
    target: "app/(app)/t/[teamSlug]/decisions/[decisionId]/share/actions.ts#createShareLinkAction",
    writes: true,
    expect: deciders,
    probe: "dal",
  },
  {
    kind: "action",
    name: "revoke share link",
    target: "app/(app)/t/[teamSlug]/decisions/[decisionId]/share/actions.ts#revokeShareLinkAction",
    writes: true,
    expect: deciders,
    probe: "dal",
  },
  {
    kind: "action",
    name: "start live session",
    target: "app/(app)/t/[teamSlug]/decisions/[decisionId]/live/actions.ts#startLiveSessionAction",
    writes: true,
    expect: deciders,
    probe: "dal",
  },
  { kind: "action", name: "score answers (live panel)", target: `${DECISION_ACTIONS}#scoreAnswersAction`, writes: false, expect: signedIn("allow"), probe: "dal" },
  {
    kind: "action",
    name: "presentation mode (a cookie only)",
    target: `${DECISION_ACTIONS}#togglePresentationAction`,
    writes: false,
    expect: all("allow"),
    probe: "dal",
  },
  {
    kind: "action",
    name: "rename team",
    target: `${SETTINGS_ACTIONS}#renameTeamAction`,
    writes: true,
    expect: owners,
    probe: "replay",
    form: { path: "/t/{teamSlug}/settings", submit: "Rename" },
  },
  {
    kind: "action",
    name: "change role",
    target: `${SETTINGS_ACTIONS}#changeRoleAction`,
    writes: true,
    expect: owners,
    probe: "replay",
    form: { path: "/t/{teamSlug}/settings", submit: /^Save role of Test member/ },
  },
  {
    kind: "action",
    name: "remove member",
    target: `${SETTINGS_ACTIONS}#removeMemberAction`,
    writes: true,
    expect: owners,
    probe: "replay",
    form: { path: "/t/{teamSlug}/settings", submit: /^Remove Test viewer/ },
  },
  {
    kind: "action",
    name: "create invitation",
    target: `${SETTINGS_ACTIONS}#createInvitationAction`,
    writes: true,
    expect: owners,
    probe: "replay",
    form: { path: "/t/{teamSlug}/settings", submit: "Create invitation link" },
  },
  {
    kind: "action",
    name: "revoke invitation",
    target: `${SETTINGS_ACTIONS}#revokeInvitationAction`,
    writes: true,
    expect: owners,
    probe: "replay",
    form: { path: "/t/{teamSlug}/settings", submit: /^Revoke / },
  },
  {
    kind: "action",
    name: "leave team",
    target: `${SETTINGS_ACTIONS}#leaveTeamAction`,
    writes: true,
    // Anyone in the team may leave (except the last owner: DAL test).
    expect: readers,
    probe: "dal",
  },
  {
    kind: "action",
    name: "accept invitation",
    target: "app/invite/[token]/actions.ts#acceptInvitationAction",
    writes: true,
    // Members already in the team are taken to it; nothing is consumed.
    expect: signedIn("allow"),
    probe: "dal",
  },
];

export const PAGE_ROWS = MATRIX.filter((r): r is PageRow => r.kind === "page");
export const WRITE_ROWS = MATRIX.filter((r): r is WriteRow => r.kind !== "page");

/** Fills {placeholders}; an unknown placeholder is a bug in the matrix. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {${key}} in ${path}`);
    return value;
  });
}
