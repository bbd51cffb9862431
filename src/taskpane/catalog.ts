/**
 * The SVC function catalogue shown in the pane, read from the custom-functions metadata the build
 * emits next to taskpane.html, so the list always matches what Excel registered.
 */
import type { Locale } from "../i18n/locale";

/** The namespace users type before every function name. */
export const NAMESPACE = "SVC";

export interface CatalogFunction {
  id: string;
  /** The localized name, without the namespace. */
  name: string;
  description: string;
  helpUrl?: string;
}

/** The part of fetch the loader uses, so tests can pass a small fake. */
export type FetchLike = (url: string) => Promise<Pick<Response, "ok" | "status" | "json">>;

/** The metadata file for a locale, relative to the page. */
export function catalogFileFor(locale: Locale): string {
  return locale === "en-US" ? "functions.json" : `functions-${locale}.json`;
}

/** What a user types in a cell, e.g. "SVC.ERLANG_C". */
export function formulaName(fn: Pick<CatalogFunction, "name">): string {
  return `${NAMESPACE}.${fn.name}`;
}

export async function loadFunctionCatalog(
  locale: Locale,
  fetchImpl: FetchLike = (url) => fetch(url),
): Promise<CatalogFunction[]> {
  const file = catalogFileFor(locale);
  const response = await fetchImpl(file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return parseFunctionMetadata(await response.json(), file);
}

/** The listed fields of `{ functions: [{ id, name, description, helpUrl, parameters }] }`. */
export function parseFunctionMetadata(metadata: unknown, source = "function metadata"): CatalogFunction[] {
  const functions = isRecord(metadata) ? metadata.functions : undefined;
  if (!Array.isArray(functions)) throw new Error(`${source}: expected { functions: [...] }`);
  return functions.map((entry: unknown, index) => {
    if (!isRecord(entry) || !nonEmptyString(entry.id) || !nonEmptyString(entry.name)) {
      throw new Error(`${source}: function ${index + 1} has no id or name`);
    }
    return {
      id: entry.id,
      name: entry.name,
      description: typeof entry.description === "string" ? entry.description : "",
      ...(nonEmptyString(entry.helpUrl) ? { helpUrl: entry.helpUrl } : {}),
    };
  });
}

/** Case-insensitive match on id, typed name or description; a blank query matches everything. */
export function matchesQuery(fn: CatalogFunction, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === "") return true;
  return [fn.id, formulaName(fn), fn.description].some((text) => text.toLocaleLowerCase().includes(needle));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
