export { FitBars, type FitBarsProps } from "./fit-bars";
export { LevelBadge, type LevelBadgeProps } from "./level-badge";
export {
  RecommendationSummary,
  confidenceSentence,
  decidingUnknowns,
  gateOverrideSentence,
  recommendationSentence,
  type RecommendationSummaryProps,
} from "./recommendation-summary";
export { ResultDetails, type ResultDetailsProps } from "./result-details";
