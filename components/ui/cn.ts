import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names (strings, arrays, `{ class: condition }` objects).
 * There is no tailwind-merge here: to override a primitive's utility from
 * `className`, use a variant or Tailwind's important modifier (`px-8!`).
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
