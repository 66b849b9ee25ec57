import "server-only";

import { notFound } from "next/navigation";

import { isAppError } from "./errors";

/** For pages: a DAL NOT_FOUND (which is also what a non-member gets) renders the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
