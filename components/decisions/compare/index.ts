export { ComparePicker, type ComparePickerProps } from "./compare-picker";
export { DecisionComparison, type CompareSide, type DecisionComparisonProps } from "./decision-comparison";
