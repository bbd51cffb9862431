import { useEffect, useState } from "react";
import type { Locale } from "../../i18n/locale";
import { loadFunctionCatalog, type CatalogFunction, type FetchLike } from "../catalog";

export type CatalogState =
  | { status: "loading" }
  | { status: "ready"; functions: CatalogFunction[] }
  | { status: "failed"; error: Error };

/** Loads the catalogue for a locale; a result for another locale reads as still loading. */
export function useFunctionCatalog(locale: Locale, fetchImpl?: FetchLike): CatalogState {
  const [loaded, setLoaded] = useState<{ locale: Locale; state: CatalogState }>();

  useEffect(() => {
    let current = true;
    loadFunctionCatalog(locale, fetchImpl).then(
      (functions) => current && setLoaded({ locale, state: { status: "ready", functions } }),
      (error: unknown) => {
        if (!current) return;
        const reason = error instanceof Error ? error : new Error(String(error));
        console.error("Could not load the function catalogue:", reason);
        setLoaded({ locale, state: { status: "failed", error: reason } });
      },
    );
    return () => {
      current = false;
    };
  }, [locale, fetchImpl]);

  return loaded?.locale === locale ? loaded.state : { status: "loading" };
}
