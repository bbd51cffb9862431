/**
 * The engine's error vocabulary. Engine code throws `EngineError`; the function layer turns each
 * kind into the matching Excel error. Messages are rendered from the catalogue in messages.ts so
 * that the same problem reads the same way everywhere, in English and in Chinese.
 */
import { type Locale, type MessageKey, type MessageParams, renderMessage } from "./messages";

/** One kind per Excel error the engine may produce. */
export type ErrorKind = "value" | "num" | "na" | "div0";

export const EXCEL_ERROR_TEXT: Record<ErrorKind, string> = {
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
  div0: "#DIV/0!",
};

export class EngineError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(renderMessage(key, params, "en-US"));
    this.name = "EngineError";
  }

  /** The message in the user's language. */
  messageIn(locale: Locale): string {
    return renderMessage(this.key, this.params, locale);
  }
}

/** Bad input: a wrong type, unit or range of an argument (#VALUE!). */
export function invalidValue(key: MessageKey, params: MessageParams): EngineError {
  return new EngineError("value", key, params);
}

/** Valid input asking for something impossible or out of reach (#NUM!). */
export function invalidNumber(key: MessageKey, params: MessageParams): EngineError {
  return new EngineError("num", key, params);
}

/** A ratio with nothing to divide by, as Excel's own #DIV/0!. */
export function divisionByZero(key: MessageKey, params: MessageParams): EngineError {
  return new EngineError("div0", key, params);
}
