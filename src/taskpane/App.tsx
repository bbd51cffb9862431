import { useCallback, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../i18n/locale";
import { paneStrings } from "../i18n/strings";
import type { FetchLike } from "./catalog";
import { FunctionList } from "./components/FunctionList";
import { Header } from "./components/Header";
import { ModelBuilders } from "./components/ModelBuilders";
import { ShareSheet } from "./components/ShareSheet";
import type { WorkbookAccess } from "./excel/access";
import { officeWorkbook } from "./excel/workbook";
import { useFunctionCatalog } from "./hooks/useFunctionCatalog";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
});

export interface AppProps {
  locale: Locale;
  /** Replaces fetch for the function catalogue; the pane itself uses the browser's fetch. */
  fetchImpl?: FetchLike;
  /** The workbook the model builders read and write; the pane itself uses Excel's. */
  workbook?: WorkbookAccess;
}

export function App({ locale, fetchImpl, workbook = officeWorkbook }: AppProps) {
  const styles = useStyles();
  const strings = paneStrings(locale);
  const catalog = useFunctionCatalog(locale, fetchImpl);
  // Counts builds, so the Share section lists a model sheet as soon as it exists.
  const [builds, setBuilds] = useState(0);
  const onBuilt = useCallback(() => setBuilds((count) => count + 1), []);
  return (
    <main className={styles.app} data-testid="app">
      <Header title={strings.productName} intro={strings.intro} />
      <ModelBuilders locale={locale} workbook={workbook} onBuilt={onBuilt} />
      <ShareSheet locale={locale} workbook={workbook} revision={builds} />
      <FunctionList catalog={catalog} strings={strings} />
    </main>
  );
}
