import { EngineError } from "../../src/engine/core";

/** The EngineError that `fn` throws; fails the test when it throws nothing or something else. */
export function engineErrorFrom(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}
