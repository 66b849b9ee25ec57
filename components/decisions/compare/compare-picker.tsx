import { buttonClassName, cn, controlClassName } from "@/components/ui";
import { STATUS_LABELS } from "@/components/decisions/status-badge";
import type { DecisionChoice } from "@/lib/dal/compare";
import type { Rubric } from "@/lib/rubric";

import { outcomeLabel } from "@/components/decisions/result/level-style";

export type ComparePickerProps = {
  action: string;
  choices: readonly DecisionChoice[];
  rubric: Rubric;
  a?: string;
  b?: string;
  className?: string;
};

function optionText(choice: DecisionChoice, rubric: Rubric): string {
  const status = STATUS_LABELS[choice.status] ?? choice.status;
  const level = choice.level ? outcomeLabel(rubric, choice.level as Parameters<typeof outcomeLabel>[1]) : null;
  return [choice.title, status, level].filter(Boolean).join(" · ");
}

/**
 * Two native selects and a submit button in a GET form, so picking works
 * before (and without) JavaScript and the result is a shareable URL.
 */
export function ComparePicker({ action, choices, rubric, a, b, className }: ComparePickerProps) {
  const select = (name: "a" | "b", label: string, value: string | undefined) => (
    <div className="flex min-w-0 flex-1 flex-col gap-1.5">
      <label htmlFor={`compare-${name}`} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <select id={`compare-${name}`} name={name} required defaultValue={value ?? ""} className={cn(controlClassName, "h-11 truncate pr-8")}>
        <option value="" disabled>
          Choose a decision
        </option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {optionText(choice, rubric)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={action} className={cn("flex flex-col gap-4 sm:flex-row sm:items-end", className)} data-print="hide">
      {select("a", "First decision (A)", a)}
      {select("b", "Second decision (B)", b)}
      <button type="submit" className={buttonClassName({ className: "sm:self-end" })}>
        Compare
      </button>
    </form>
  );
}
