import { slugify, toMarkdown } from "@/lib/decisions/export";
import { decisionPath } from "@/lib/workshop/paths";

import { attachment, type ExportParams, loadForExport, publicOrigin } from "../load";

/** The decision as a MADR Markdown file. Members only; everyone else gets 404. */
export async function GET(request: Request, context: ExportParams) {
  const loaded = await loadForExport(context);
  if ("response" in loaded) return loaded.response;
  const { decision } = loaded;
  const absolute = (id: string) => new URL(decisionPath(decision.teamSlug, id), publicOrigin(request)).toString();
  const markdown = toMarkdown(decision, { url: absolute(decision.id), decisionUrl: absolute });
  return attachment(markdown, "text/markdown; charset=utf-8", `${slugify(decision.title)}.md`);
}
