import { slugify, toJson } from "@/lib/decisions/export";

import { attachment, type ExportParams, loadForExport } from "../load";

/** The decision as a levelset.decision/v1 JSON file. Members only; everyone else gets 404. */
export async function GET(_request: Request, context: ExportParams) {
  const loaded = await loadForExport(context);
  if ("response" in loaded) return loaded.response;
  return attachment(toJson(loaded.decision), "application/json; charset=utf-8", `${slugify(loaded.decision.title)}.json`);
}
