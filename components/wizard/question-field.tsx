import type { AnswerValue, Question } from "@/lib/rubric";
import { cn } from "@/components/ui/cn";
import { choiceDescriptionClassName, choiceLabelClassName } from "@/components/ui/choice-card";
import { fieldName, NONE_VALUE, noneFieldName, UNKNOWN_VALUE, unknownFieldName } from "@/lib/workshop/step-form";

/**
 * One rubric question as native form controls, so a step works before
 * hydration and keyboard use is the browser's own (arrow keys in a radio group,
 * space on a checkbox). Each question is a fieldset named by its legend, with
 * its help text and error linked by aria-describedby.
 */
export type QuestionFieldProps = {
  question: Question;
  /** The saved answer (undefined = not answered yet, null = we don't know). */
  value: AnswerValue | undefined;
  /** Raw values to show instead (after a refused save, what the person had entered). */
  submitted?: Record<string, string[]>;
  error?: string[];
  disabled?: boolean;
  /** 1-based position in the step, for the number-key legend. */
  index: number;
};

const cardClass =
  "relative flex min-h-14 cursor-pointer items-start gap-3 rounded-card border border-slate-300 bg-white px-4 py-3.5 shadow-card " +
  "transition-colors duration-150 hover:border-slate-400 hover:bg-slate-50 " +
  "has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50 has-[:checked]:ring-1 has-[:checked]:ring-accent-700 " +
  "has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus " +
  "has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70 has-[:disabled]:hover:bg-white";
const unknownCardClass = "border-dashed has-[:checked]:border-pause-700 has-[:checked]:bg-pause-50 has-[:checked]:ring-pause-700";
const controlClass = "mt-0.5 size-5 shrink-0 accent-accent-700 focus-visible:outline-none";

type Option = { value: string; label: string; description?: string; unknown?: boolean; none?: boolean };

function optionsOf(question: Question): Option[] {
  const base: Option[] =
    question.type === "boolean"
      ? [
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]
      : (question.options ?? []).map((o) => ({ value: o.id, label: o.label, description: o.description }));
  const none: Option[] = question.type === "multi" ? [{ value: NONE_VALUE, label: "None of these", none: true }] : [];
  return [...base, ...none, { value: UNKNOWN_VALUE, label: question.nullLabel ?? "We don’t know", unknown: true }];
}

/** The control values that represent an answer, for defaultChecked/defaultValue. */
function selectedValues(question: Question, value: AnswerValue | undefined, submitted?: Record<string, string[]>): string[] {
  if (submitted) {
    const raw = [...(submitted[fieldName(question.id)] ?? [])];
    if (submitted[unknownFieldName(question.id)]?.includes("on")) raw.push(UNKNOWN_VALUE);
    if (submitted[noneFieldName(question.id)]?.includes("on")) raw.push(NONE_VALUE);
    return raw;
  }
  if (value === undefined) return [];
  if (value === null) return [UNKNOWN_VALUE];
  if (Array.isArray(value)) return value.length === 0 ? [NONE_VALUE] : value.map(String);
  return [String(value)];
}

export function QuestionField({ question, value, submitted, error, disabled, index }: QuestionFieldProps) {
  const base = question.id.replace(/[^a-zA-Z0-9_-]/g, "-");
  const helpId = `${base}-help`;
  const errorId = `${base}-error`;
  const legendId = `${base}-legend`;
  const invalid = !!error?.length;
  const describedBy = [helpId, invalid ? errorId : null].filter(Boolean).join(" ");
  const selected = selectedValues(question, value, submitted);
  const unanswered = value === undefined && !submitted;

  return (
    <fieldset
      className="min-w-0 scroll-mt-24 border-t border-slate-200 pt-6 first:border-t-0 first:pt-0"
      data-question={question.id}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    >
      <legend id={legendId} className="float-left w-full text-lg font-semibold leading-snug text-slate-900">
        <span className="mr-2 text-slate-500" aria-hidden="true">
          {index}.
        </span>
        {question.label}
        {question.optional ? <span className="ml-2 text-sm font-normal text-slate-600">Optional</span> : null}
        {unanswered ? <span className="sr-only"> (not answered yet)</span> : null}
      </legend>
      <p id={helpId} className="clear-both pt-1.5 text-sm leading-relaxed text-slate-600">
        {question.help}
      </p>
      <div className="mt-3">
        {question.type !== "integer" && question.type !== "number" ? (
          <div className="grid gap-2.5 sm:grid-cols-2">
            {optionsOf(question).map((option, i) => {
              const multi = question.type === "multi";
              const name = !multi
                ? fieldName(question.id)
                : option.unknown
                  ? unknownFieldName(question.id)
                  : option.none
                    ? noneFieldName(question.id)
                    : fieldName(question.id);
              return (
                <OptionCard
                  key={option.value}
                  id={`${base}-${i}`}
                  index={i + 1}
                  type={multi ? "checkbox" : "radio"}
                  name={name}
                  value={multi && (option.unknown || option.none) ? "on" : option.value}
                  option={option}
                  checked={selected.includes(option.value)}
                  disabled={disabled}
                  invalid={invalid}
                />
              );
            })}
          </div>
        ) : null}

        {question.type === "integer" || question.type === "number" ? (
          <div className="flex flex-wrap items-center gap-4">
            <label htmlFor={`${base}-value`} className="sr-only">
              {question.label}
            </label>
            <div className="flex items-center gap-2">
              <input
                id={`${base}-value`}
                type="number"
                inputMode={question.type === "integer" ? "numeric" : "decimal"}
                name={fieldName(question.id)}
                min={question.min}
                max={question.max}
                step={question.type === "integer" ? 1 : "any"}
                defaultValue={selected.find((v) => v !== UNKNOWN_VALUE) ?? ""}
                disabled={disabled}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={cn(
                  "h-12 w-40 rounded-control border border-slate-300 bg-white px-3 text-lg text-slate-900 shadow-card",
                  "hover:border-slate-400 focus:border-accent-600 aria-invalid:border-danger-700 disabled:bg-slate-50",
                )}
              />
              {question.unit ? <span className="text-slate-700">{question.unit}</span> : null}
            </div>
            <label className={cn(cardClass, unknownCardClass, "min-h-12 py-2.5")}>
              <input
                type="checkbox"
                name={unknownFieldName(question.id)}
                defaultChecked={selected.includes(UNKNOWN_VALUE)}
                disabled={disabled}
                className={cn(controlClass, "rounded")}
              />
              <span className={choiceLabelClassName}>{question.nullLabel ?? "We don’t know"}</span>
            </label>
          </div>
        ) : null}
      </div>
      <div id={errorId} aria-live="polite" className="mt-2">
        {error?.map((message) => (
          <p key={message} className="text-sm font-medium text-danger-700">
            {message}
          </p>
        ))}
      </div>
    </fieldset>
  );
}

/** One option as a large card: the whole card is the hit target; the number is its keyboard shortcut. */
function OptionCard({
  id,
  index,
  type,
  name,
  value,
  option,
  checked,
  disabled,
  invalid,
}: {
  id: string;
  index: number;
  type: "radio" | "checkbox";
  name: string;
  value: string;
  option: Option;
  checked: boolean;
  disabled?: boolean;
  invalid: boolean;
}) {
  return (
    <label htmlFor={id} className={cn(cardClass, option.unknown && unknownCardClass, invalid && "border-danger-700")}>
      <input
        id={id}
        type={type}
        name={name}
        value={value}
        defaultChecked={checked}
        disabled={disabled}
        data-option-index={index}
        aria-labelledby={`${id}-label`}
        aria-describedby={option.description ? `${id}-description` : undefined}
        className={cn(controlClass, type === "checkbox" && "rounded")}
      />
      <span className="min-w-0">
        <span className={choiceLabelClassName}>
          <kbd aria-hidden="true" className="mr-1.5 hidden rounded border border-slate-300 px-1 font-mono text-xs text-slate-600 sm:inline">
            {index}
          </kbd>
          <span id={`${id}-label`}>{option.label}</span>
        </span>
        {option.description ? (
          <span id={`${id}-description`} className={choiceDescriptionClassName}>
            {option.description}
          </span>
        ) : null}
      </span>
    </label>
  );
}
