/**
 * Shared look of RadioGroup and CheckboxGroup options: the whole card is the
 * hit target (a `<label>` around the Radix control), at least 56px tall, and
 * it shows the focus ring of the control inside it.
 */
export const choiceCardClassName =
  "group/choice relative flex min-h-14 items-start gap-3 rounded-card border border-slate-300 bg-white px-4 py-3.5 " +
  "shadow-card transition-colors duration-150 hover:border-slate-400 hover:bg-slate-50 " +
  "has-[[data-state=checked]]:border-accent-700 has-[[data-state=checked]]:bg-accent-50 " +
  "has-[[data-state=checked]]:ring-1 has-[[data-state=checked]]:ring-accent-700 " +
  "has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus " +
  "has-data-disabled:cursor-not-allowed has-data-disabled:opacity-60 has-data-disabled:hover:bg-white";

export const choiceCardInvalidClassName = "border-danger-700 hover:border-danger-800";

export const choiceLabelClassName = "block font-medium leading-snug text-slate-900";
export const choiceDescriptionClassName = "mt-1 block text-sm leading-normal text-slate-600";
