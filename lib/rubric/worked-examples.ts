/**
 * The worked examples of RUBRIC-v1.md as data, with the level the contract
 * expects. Used by tests and docs; not by scoring.
 */
import type { Answers, Level } from "./types";

const ALL_AREAS = ["groundedness", "safety", "task_success", "refusal_correctness"];
const hallucinating: Answers = {
  "constraints.eval_harness": "full",
  "level0.system_prompt": "mature",
  "level0.retrieval": "basic",
  "level0.hallucination_rate_pct": 8,
};
const goodEnough: Answers = { ...hallucinating, "level0.hallucination_rate_pct": 2, "level0.coverage_pct": 85 };
const newSkill: Answers = {
  "constraints.eval_harness": "full",
  "constraints.eval_coverage": ALL_AREAS,
  "level0.system_prompt": "mature",
  "level0.retrieval": "basic",
  "level0.hallucination_rate_pct": 2,
  "level0.coverage_pct": 50,
  "level2.needs_new_capability": true,
  "level2.training_data": "diverse",
};

export interface WorkedExample {
  name: string;
  answers: Answers;
  /** The contract's expectation: a level, or (thin data) "not finetune". */
  level: Level;
  notLevel?: Level;
  blocker?: string;
}

export const WORKED_EXAMPLES_V1: readonly WorkedExample[] = [
  { name: "no evals", answers: { "constraints.eval_harness": "none" }, level: "pause" },
  { name: "untried prompt", answers: { "constraints.eval_harness": "full", "level0.system_prompt": "not_tried" }, level: "prompt" },
  { name: "hallucinating", answers: hallucinating, level: "prompt", blocker: "B-hallucination-high" },
  { name: "good enough", answers: goodEnough, level: "prompt" },
  {
    name: "style",
    answers: { ...goodEnough, "level0.coverage_pct": 60, "level1.base_knows_domain": "yes", "level1.needs_style_control": true },
    level: "adapter",
  },
  { name: "new skill", answers: newSkill, level: "finetune" },
  { name: "new skill, thin data", answers: { ...newSkill, "level2.training_data": "narrow" }, level: "prompt", notLevel: "finetune", blocker: "B-finetune-data" },
];
