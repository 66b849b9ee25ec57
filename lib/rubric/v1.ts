/**
 * Rubric v1 as DATA: "prompt + retrieval, adapters, or full fine-tune".
 *
 * Contract: /shared/product/RUBRIC-v1.md. Question ids, option ids, rule,
 * blocker, caution, constraint and readiness ids are stable API. Once shipped
 * this file is never edited: a later rubric is a new file (v2.ts) beside it.
 * Wording (labels, help, texts) is the project's own, drawn from the
 * framework in /shared/seed/decision-framework.txt.
 */
import type { Rubric } from "./types";

const R1 = "R1-eval-gate";
const R2 = "R2-level0-untried";
const R3 = "R3-hallucination";
const R4 = "R4-coverage";
const R5 = "R5-new-capability";
const R6 = "R6-adapter";

export const rubricV1 = {
  version: "v1",
  title: "Prompt + retrieval, adapters, or full fine-tune",
  description:
    "Decide, for one LLM feature, whether to stay with prompting and retrieval (Level 0), train adapters such as LoRA (Level 1), run a full fine-tune (Level 2), or pause and build an evaluation harness first.",
  sections: [
    {
      id: "constraints",
      noteId: "notes.constraints",
      title: "Start with constraints",
      intro:
        "Before picking a technique, pin down what limits you: budget for latency and cost, where your data may go, how often the rules change, and whether you can measure quality at all.",
      questions: [
        {
          id: "constraints.latency_cost_headroom",
          section: "constraints",
          type: "choice",
          label: "Can you afford larger contexts or several model calls per request?",
          help: "Long prompts and multi-step chains cost time and money on every request. With little headroom, a smaller model with adapters (or a distilled model) is often the better road than ever-larger prompts.",
          options: [
            { id: "ample", label: "Yes, there is ample headroom" },
            { id: "tight", label: "It is tight", description: "We can grow a little, not much." },
            { id: "none", label: "No headroom", description: "We are at or over our latency or cost budget." },
          ],
          feeds: [R6, "C-latency"],
        },
        {
          id: "constraints.p95_latency_target_ms",
          section: "constraints",
          type: "integer",
          label: "What P95 latency must the feature meet?",
          help: "A concrete target makes the before/after benchmark of any change meaningful. Optional: it is kept with the decision for reference and does not change the recommendation.",
          min: 1,
          unit: "ms",
          optional: true,
          feeds: [],
        },
        {
          id: "constraints.data_residency",
          section: "constraints",
          type: "choice",
          label: "Can the data this feature uses leave your own infrastructure?",
          help: "If data must stay inside your network, you need open-weights models you can host yourself, and fine-tuning services that only run in a vendor's cloud are off the table.",
          options: [
            { id: "may_leave", label: "Yes, it may leave" },
            { id: "redacted_only", label: "Only after redaction", description: "Personal or sensitive fields must be removed first." },
            { id: "must_stay", label: "No, it must stay in our infrastructure" },
          ],
          feeds: ["H-self-host", "H-redacted-only"],
        },
        {
          id: "constraints.change_velocity",
          section: "constraints",
          type: "choice",
          label: "How often do the instructions or policies behind this feature change?",
          help: "Changing a prompt or a retrieval index takes minutes; changing weights means a new training run. The more often the rules move, the more they belong in prompts and retrieval rather than in weights.",
          options: [
            { id: "weekly", label: "Weekly or more often" },
            { id: "monthly", label: "About monthly" },
            { id: "quarterly", label: "About quarterly" },
            { id: "rarely", label: "Rarely" },
          ],
          feeds: ["C-change-velocity"],
        },
        {
          id: "constraints.eval_harness",
          section: "constraints",
          type: "choice",
          label: "Do you have a test harness that catches quality regressions?",
          help: "If you can't evaluate it, you can't ship it. Without an automated way to check outputs, no change (prompt, adapter or fine-tune) can be shown to help or to be safe, so building the harness comes first.",
          options: [
            { id: "none", label: "No harness yet" },
            { id: "partial", label: "A partial one", description: "Some checks, run by hand or covering part of the task." },
            { id: "full", label: "A full harness", description: "Automated, run on every change." },
          ],
          feeds: [R1, R5, "B-eval-harness", "B-finetune-evals"],
        },
        {
          id: "constraints.eval_coverage",
          section: "constraints",
          type: "multi",
          label: "Which areas does your evaluation cover today?",
          help: "A useful harness checks that answers are grounded in sources, safe, actually complete the task, and refuse when they should. A full fine-tune needs all four before shipping, because retraining can quietly break any of them.",
          options: [
            { id: "groundedness", label: "Groundedness", description: "Answers are supported by the retrieved sources." },
            { id: "safety", label: "Safety", description: "No harmful or policy-violating output." },
            { id: "task_success", label: "Task success", description: "The user's task actually gets done." },
            { id: "refusal_correctness", label: "Refusal correctness", description: "Refuses exactly when it should." },
          ],
          feeds: [
            R5,
            "B-finetune-evals",
            "constraints.eval_coverage.groundedness",
            "constraints.eval_coverage.safety",
            "constraints.eval_coverage.task_success",
            "constraints.eval_coverage.refusal_correctness",
          ],
        },
      ],
    },
    {
      id: "level0",
      noteId: "notes.level0",
      title: "Level 0: prompt + retrieval",
      intro:
        "Most features are won or lost here. Check how far clear prompts, retrieval, output validation and tools have been pushed before considering any training.",
      questions: [
        {
          id: "level0.system_prompt",
          section: "level0",
          type: "choice",
          label: "How far has the system prompt been developed?",
          help: "A system prompt with clear policies, style, refusal rules and persona (tone, voice, jurisdiction) is the cheapest lever there is. If it has not been tried, start there.",
          options: [
            { id: "not_tried", label: "Not tried yet" },
            { id: "basic", label: "Basic", description: "A first version is in place." },
            { id: "mature", label: "Mature", description: "Policies, style, refusal rules and persona are spelled out and tested." },
          ],
          feeds: [R2],
        },
        {
          id: "level0.retrieval",
          section: "level0",
          type: "choice",
          label: "How are facts brought into the prompt?",
          help: "Retrieval supplies facts at request time instead of stuffing them into the prompt or the weights. Filters and rerankers keep the context tight and relevant. If the feature needs facts and retrieval has not been tried, start there.",
          options: [
            { id: "not_needed", label: "Not needed", description: "The feature does not depend on outside facts." },
            { id: "not_tried", label: "Not tried yet" },
            { id: "basic", label: "Basic retrieval" },
            { id: "filtered_reranked", label: "Filtered and reranked" },
          ],
          feeds: [R2],
        },
        {
          id: "level0.output_validation",
          section: "level0",
          type: "choice",
          label: "Are outputs checked against a schema?",
          help: "Enforcing an output format (JSON, markdown) with validators and rejecting malformed outputs early removes a whole class of failures without touching the model.",
          options: [
            { id: "none", label: "No validation" },
            { id: "partial", label: "Some outputs are validated" },
            { id: "enforced", label: "Enforced", description: "Malformed outputs are rejected." },
          ],
          feeds: ["fits"],
        },
        {
          id: "level0.tools",
          section: "level0",
          type: "choice",
          label: "Does the model use tools?",
          help: "Calculators, policy lookups and libraries of approved phrases shrink the model's creative surface area, and with it the room for mistakes.",
          options: [
            { id: "none", label: "No tools" },
            { id: "some", label: "Some tools" },
            { id: "extensive", label: "Extensive tooling" },
          ],
          feeds: ["fits"],
        },
        {
          id: "level0.hallucination_rate_pct",
          section: "level0",
          type: "number",
          label: "What share of answers are ungrounded or made up?",
          help: "Measure hallucination and grounding before anything else. Above 3–5%, the fix lies in retrieval and prompting, not in the weights: training on top of a leaky pipeline bakes the errors in. Leave it empty (not measured) if you have no number yet.",
          min: 0,
          max: 100,
          unit: "%",
          nullable: true,
          nullLabel: "Not measured",
          feeds: [R3, "B-hallucination-high", "B-hallucination-unmeasured", "C-hallucination-band"],
        },
        {
          id: "level0.coverage_pct",
          section: "level0",
          type: "number",
          label: "What share of the task do prompting, retrieval and tools solve today?",
          help: "If prompting, retrieval and tools already solve about 80% of the task, stay with them and improve them: that is cheaper, faster to change and easier to evaluate than any training.",
          min: 0,
          max: 100,
          unit: "%",
          nullable: true,
          nullLabel: "Not measured",
          feeds: [R4],
        },
      ],
    },
    {
      id: "level1",
      noteId: "notes.level1",
      title: "Level 1: adapters / LoRA / prefix tuning",
      intro:
        "Small trained add-ons on a shared base model. They fit when the model already knows the domain but needs a steady persona or style, shorter prompts, or per-customer behaviour.",
      questions: [
        {
          id: "level1.base_knows_domain",
          section: "level1",
          type: "choice",
          label: "Does the base model already know the domain?",
          help: "Adapters shape how a model behaves; they do not teach it a new field. They work when the knowledge is already there and only the style, format or length needs control.",
          options: [
            { id: "yes", label: "Yes" },
            { id: "partly", label: "Partly" },
            { id: "no", label: "No" },
          ],
          feeds: [R6],
        },
        {
          id: "level1.needs_style_control",
          section: "level1",
          type: "boolean",
          label: "Do you need tighter control of persona or style than prompting gives?",
          help: "When a persona or house style must hold across every answer and prompting alone keeps drifting, a small adapter can carry it reliably.",
          feeds: [R6],
        },
        {
          id: "level1.needs_shorter_context",
          section: "level1",
          type: "boolean",
          label: "Do you need shorter prompts (fewer instructions and examples per call)?",
          help: "Instructions and examples repeated in every prompt cost latency and money. An adapter can absorb them, so each request carries less context.",
          feeds: [R6],
        },
        {
          id: "level1.tenant_variants",
          section: "level1",
          type: "integer",
          label: "How many customers or product lines need their own behaviour?",
          help: "Adapters suit multi-tenant setups: one small adapter per customer or product line, swapped on a shared base model, with no retraining of the base. Two or more variants is where this starts to pay.",
          min: 0,
          feeds: [R6, "C-tenants"],
        },
        {
          id: "level1.serving_benchmarked",
          section: "level1",
          type: "boolean",
          label: "Have you benchmarked latency (P50/P95) and cost on your serving stack?",
          help: "Adapters are small but not free at serving time. Benchmark P50/P95 latency and cost before and after, so you know what a change really costs.",
          feeds: ["level1.serving_benchmarked"],
        },
      ],
    },
    {
      id: "level2",
      noteId: "notes.level2",
      title: "Level 2: full fine-tune",
      intro:
        "Retraining the model's weights. Justified only for capabilities the base model lacks, or to cut context dependence drastically, and only with diverse data and a full evaluation harness.",
      questions: [
        {
          id: "level2.needs_new_capability",
          section: "level2",
          type: "boolean",
          label: "Does the feature need a capability the base model does not have?",
          help: "A full fine-tune is justified when the model must learn something new, not just behave differently. Style and format are adapter territory.",
          feeds: [R5, "B-finetune-data", "B-finetune-evals"],
        },
        {
          id: "level2.must_cut_context",
          section: "level2",
          type: "boolean",
          label: "Must you drastically reduce how much context each request depends on?",
          help: "When the required context is too large or too slow to send every time, and adapters are not enough, moving that knowledge into the weights can be justified.",
          feeds: [R5, "B-finetune-data", "B-finetune-evals"],
        },
        {
          id: "level2.training_data",
          section: "level2",
          type: "choice",
          label: "What training data do you have?",
          help: "Fine-tuning needs high-quality, diverse data rich in counter-examples; otherwise the model overfits and regresses on everything the data does not cover.",
          options: [
            { id: "none", label: "None yet" },
            { id: "narrow", label: "Narrow", description: "Few scenarios, few counter-examples." },
            { id: "diverse", label: "Diverse", description: "High quality, many scenarios, rich in counter-examples." },
          ],
          feeds: [R5, "B-finetune-data"],
        },
        {
          id: "level2.labeled_examples",
          section: "level2",
          type: "integer",
          label: "About how many labelled examples do you have?",
          help: "A rough count helps size the effort. Quality and diversity matter more than volume, so this number is kept for reference and does not change the recommendation on its own.",
          min: 0,
          nullable: true,
          nullLabel: "Not counted",
          feeds: ["fits"],
        },
        {
          id: "level2.continuous_training",
          section: "level2",
          type: "boolean",
          label: "Do you plan for continuous training?",
          help: "A fine-tuned model goes stale: plan to refresh it with new data and invalidations, and to monitor drift and refusal rates after launch.",
          feeds: ["level2.continuous_training"],
        },
      ],
    },
    {
      id: "data",
      noteId: "notes.data",
      title: "Data strategy",
      intro: "What any training (adapter or fine-tune) stands on: labelled traces, hard cases, balance, and a record of where each example came from.",
      questions: [
        {
          id: "data.practices",
          section: "data",
          type: "multi",
          label: "Which of these data practices are in place?",
          help: "Training is only as good as its data. These four practices are what keeps a trained model from overfitting, regressing or becoming impossible to audit.",
          options: [
            { id: "labeled_traces", label: "Labelled user traces", description: "Success/failure, refusal correctness, groundedness, safety violations." },
            { id: "hard_negatives", label: "Hard negatives", description: "Adversarial instructions, conflicting policies, long contexts, multilingual variants." },
            { id: "balanced_mix", label: "A balanced mix", description: "Short and long prompts; edge jurisdictions and products." },
            { id: "lineage", label: "Data lineage", description: "Which product version, policy version and annotator produced each example." },
          ],
          feeds: [
            "data.practices.labeled_traces",
            "data.practices.hard_negatives",
            "data.practices.balanced_mix",
            "data.practices.lineage",
          ],
        },
      ],
    },
    {
      id: "deploy",
      noteId: "notes.deploy",
      title: "Deployment",
      intro: "How changes reach users safely, whatever the level: prompts are deployable artifacts too.",
      questions: [
        {
          id: "deploy.practices",
          section: "deploy",
          type: "multi",
          label: "Which of these deployment practices are in place?",
          help: "Whatever you change (a prompt, an adapter, a model), you need to know what is running, release it gradually, roll it back quickly, and hear about problems before users do.",
          options: [
            { id: "versioned_artifacts", label: "Everything is versioned", description: "Prompts, adapters, datasets, retrievers, rerankers, policies." },
            { id: "canary_rollback", label: "Canary releases with rollback", description: "A path back to the last good version." },
            { id: "monitoring", label: "Continuous monitoring", description: "Token cost, latency, refusal rates and safety." },
            { id: "alerts", label: "Alerts", description: "On P95 latency blowups and hallucination spikes." },
          ],
          feeds: [
            "deploy.practices.versioned_artifacts",
            "deploy.practices.canary_rollback",
            "deploy.practices.monitoring",
            "deploy.practices.alerts",
          ],
        },
        {
          id: "deploy.regulated",
          section: "deploy",
          type: "boolean",
          label: "Does this feature serve a regulated flow?",
          help: "In regulated flows, source-citation checks and safety filters stay in place even after fine-tuning: new weights do not remove the need for guardrails.",
          feeds: ["G-guardrails"],
        },
      ],
    },
  ],
  outcomes: [
    {
      id: "pause",
      label: "Pause: build the evaluation harness",
      summary: "Without a way to measure quality you cannot tell whether any change helps or harms, so build the test harness before changing anything else.",
      nextSteps: [
        "Collect a set of real requests with expected outcomes to test against.",
        "Automate checks for groundedness, safety and task success, and run them on every change.",
        "Record today's baseline numbers, including the hallucination rate.",
        "Then come back to this decision with the harness in place.",
      ],
    },
    {
      id: "prompt",
      label: "Level 0: prompt + retrieval + tools",
      summary: "Improve the system prompt, retrieval, output validation and tools; they are cheaper, faster to change and easier to evaluate than any training.",
      nextSteps: [
        "Write clear policies, style, refusal rules and persona into the system prompt.",
        "Bring facts in with retrieval instead of stuffing the prompt; add filters and a reranker.",
        "Enforce an output schema with validators and reject malformed outputs early.",
        "Add tools such as calculators, policy lookups and approved phrase libraries.",
        "Measure hallucination and grounding; get below 3–5% before touching weights.",
      ],
    },
    {
      id: "adapter",
      label: "Level 1: adapters / LoRA / prefix tuning",
      summary: "Train small adapters on a shared base model to control persona and style, shorten prompts, or give each customer its own behaviour.",
      nextSteps: [
        "Keep adapters small, and benchmark P50/P95 latency and cost before and after.",
        "Version adapters and prompts together; roll back with flags if safety or compliance fails.",
        "For several customers or product lines, train one adapter each over the same base.",
        "Keep policies that change often in the prompt, not in the adapter.",
      ],
    },
    {
      id: "finetune",
      label: "Level 2: full fine-tune",
      summary: "Fine-tune the model for capabilities the base model lacks, backed by diverse data and a full evaluation harness.",
      nextSteps: [
        "Build high-quality, diverse training data rich in counter-examples and hard negatives.",
        "Evaluate groundedness, safety, refusal correctness and task success before shipping.",
        "Canary the new weights and keep a rollback path to the last good model.",
        "Plan continuous training: refresh with new data, monitor drift and refusal rates.",
      ],
    },
  ],
  rules: [
    {
      id: R1,
      title: "Evaluation gate",
      text: "There is no evaluation harness. If you can't evaluate it, you can't ship it: build the harness before changing prompts or weights.",
    },
    {
      id: R2,
      title: "Level 0 not tried",
      text: "The system prompt or retrieval has not been tried yet. They are the cheapest levers there are: start there.",
    },
    {
      id: R3,
      title: "Hallucination",
      text: "The hallucination rate is above 5%. Fix retrieval and prompting before touching weights; training on top of a leaky pipeline bakes the errors in.",
    },
    {
      id: R4,
      title: "Coverage",
      text: "Prompting, retrieval and tools already solve at least 80% of the task. Stay there and keep improving them.",
    },
    {
      id: R5,
      title: "New capability",
      text: "The feature needs a new capability or far less context, and the team has diverse training data and a full harness covering groundedness, safety, task success and refusal correctness: a full fine-tune is justified.",
    },
    {
      id: R6,
      title: "Adapter",
      text: "The base model knows the domain, and the team needs tighter style control, shorter prompts, lower latency or cost, or per-customer behaviour: adapters fit.",
    },
    {
      id: "R7-default",
      title: "Default",
      text: "Nothing calls for training: stay with prompt, retrieval and tools.",
    },
  ],
  ruleVariants: {
    "R3-hallucination.unmeasured":
      "The hallucination rate has not been measured. Measure hallucination and grounding first: until you know it, changing the weights is a guess.",
  },
  blockers: [
    { id: "B-eval-harness", rule: R1, text: "Build an evaluation harness (groundedness, safety, task success) that runs on every change." },
    { id: "B-hallucination-high", rule: R3, text: "The hallucination rate is above 5%: fix retrieval and prompting before touching weights." },
    { id: "B-hallucination-unmeasured", rule: R3, text: "Measure hallucination and grounding before deciding on any training." },
    { id: "B-finetune-data", rule: R5, text: "A full fine-tune needs high-quality, diverse, counter-example-rich training data; without it the model overfits and regresses." },
    { id: "B-finetune-evals", rule: R5, text: "A full fine-tune needs a full evaluation harness covering groundedness, safety, task success and refusal correctness." },
  ],
  cautions: [
    { id: "C-change-velocity", text: "Instructions and policies change often, which favours prompts and retrieval over weights: keep policies in prompts, and version adapters and prompts together." },
    { id: "C-hallucination-band", text: "The hallucination rate is between 3% and 5%, the warning band: improve retrieval and prompting before it grows." },
    { id: "C-latency", text: "Latency or cost headroom is tight: a smaller model with adapters, or distillation, may be the next step." },
    { id: "C-tenants", text: "Several customers or product lines need their own behaviour: train one adapter per tenant over a shared base model." },
  ],
  constraints: [
    { id: "H-self-host", text: "Data must stay in your infrastructure: use open-weights models you can host yourself; no fine-tuning services that run only in a vendor's cloud." },
    { id: "H-redacted-only", text: "Data may leave only after redaction: redact before any call or training run outside your infrastructure, or prefer models you can host." },
    { id: "G-guardrails", text: "Regulated flow: keep source-citation checks and safety filters at every level, fine-tuned or not. Weights do not remove the need for guardrails." },
  ],
  readiness: [
    { id: "constraints.eval_coverage.groundedness", text: "Evaluate groundedness: answers must be supported by their sources." },
    { id: "constraints.eval_coverage.safety", text: "Evaluate safety, so a retrained model cannot quietly regress on it." },
    { id: "constraints.eval_coverage.task_success", text: "Evaluate task success: does the user's task actually get done?" },
    { id: "constraints.eval_coverage.refusal_correctness", text: "Evaluate refusal correctness: the model refuses exactly when it should." },
    { id: "level1.serving_benchmarked", text: "Benchmark P50/P95 latency and cost on your serving stack before and after." },
    { id: "level2.continuous_training", text: "Plan continuous training: refresh with new data and invalidations; monitor drift and refusal rates." },
    { id: "data.practices.labeled_traces", text: "Collect user traces labelled for success or failure, refusal correctness, groundedness and safety violations." },
    { id: "data.practices.hard_negatives", text: "Create hard negatives: adversarial instructions, conflicting policies, long contexts, multilingual variants." },
    { id: "data.practices.balanced_mix", text: "Balance the dataset: mix short and long prompts; include edge jurisdictions and products." },
    { id: "data.practices.lineage", text: "Keep data lineage: which product version, policy version and annotator produced each example." },
    { id: "deploy.practices.versioned_artifacts", text: "Version everything: prompts, adapters, datasets, retrievers, rerankers and policies." },
    { id: "deploy.practices.canary_rollback", text: "Release gradually (canary) and keep a rollback path to the last good version." },
    { id: "deploy.practices.monitoring", text: "Monitor token cost, latency, refusal rates and safety continuously." },
    { id: "deploy.practices.alerts", text: "Alert on P95 latency blowups and hallucination spikes." },
  ],
  notes: { maxLength: 5000 },
} as const satisfies Rubric;
