import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ShareLinkItem, ShareLinkState } from "@/lib/dal/share-links";

import { RevokeShareLinkForm } from "./revoke-share-link-form";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

const STATE: Record<ShareLinkState, { label: string; variant: BadgeVariant }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "neutral" },
  revoked: { label: "Revoked", variant: "danger" },
};

/** The decision's share links with who made them, when they stop, and how often they were opened. */
export function ShareLinkList({ links, teamSlug, canRevoke }: { links: ShareLinkItem[]; teamSlug: string; canRevoke: boolean }) {
  if (links.length === 0) {
    return <p className="rounded-card border border-dashed border-slate-300 px-4 py-6 text-center text-slate-600">No share links yet.</p>;
  }
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-card border border-slate-200 bg-white" aria-label="Share links">
      {links.map((link, index) => {
        const state = STATE[link.state];
        const created = `created ${when.format(link.createdAt)} UTC`;
        const expires =
          link.state === "revoked" && link.revokedAt
            ? `Revoked ${when.format(link.revokedAt)} UTC`
            : link.expiresAt
              ? `${link.state === "expired" ? "Expired" : "Expires"} ${when.format(link.expiresAt)} UTC`
              : "Never expires";
        return (
          <li key={link.id} data-share-link-state={link.state} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-5">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <Badge variant={state.variant} size="sm" dot>
                  {state.label}
                </Badge>
                <span className="font-medium text-slate-900">Link {links.length - index}</span>
                <span className="text-slate-700">
                  by {link.createdByName ?? "a former member"}, {created}
                </span>
              </p>
              <dl className="mt-1.5 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
                <div className="flex gap-1">
                  <dt className="sr-only">Expiry</dt>
                  <dd>{expires}</dd>
                </div>
                <div className="flex gap-1">
                  <dt>Views:</dt>
                  <dd className="font-medium text-slate-900 tabular-nums">{link.viewCount}</dd>
                </div>
                <div className="flex gap-1">
                  <dt>Last viewed:</dt>
                  <dd>{link.lastViewedAt ? `${day.format(link.lastViewedAt)}` : "never"}</dd>
                </div>
              </dl>
            </div>
            {canRevoke && link.state === "active" ? (
              <RevokeShareLinkForm teamSlug={teamSlug} linkId={link.id} description={`link ${links.length - index}, ${created}`} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
