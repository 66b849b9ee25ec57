export { escapeBlock, escapeInline, escapeUrl, slugify } from "./escape";
export { EXPORT_FORMAT, toExportRecord, toJson, type DecisionExport } from "./json";
export { resultOf, toMarkdown, type MarkdownOptions } from "./markdown";
export { isRecorded, type ExportableDecision } from "./types";
