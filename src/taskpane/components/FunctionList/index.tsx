import { Notice } from "../Notice";
import { useId, useState } from "react";
import {
  Body1,
  Field,
  Link,
  makeStyles,
  SearchBox,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { fillPlaceholders, type PaneStrings } from "../../../i18n/strings";
import { formulaName, matchesQuery, type CatalogFunction } from "../../catalog";
import type { CatalogState } from "../../hooks/useFunctionCatalog";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemHeader: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
  },
  name: { overflowWrap: "anywhere" },
  description: { color: tokens.colorNeutralForeground2 },
});

export interface FunctionListProps {
  catalog: CatalogState;
  strings: PaneStrings;
}

/** The SVC functions available in this workbook, searchable, each with a link to its help page. */
export function FunctionList({ catalog, strings }: FunctionListProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.functionsHeading}
      </Subtitle2>
      {catalog.status === "loading" && <Spinner size="small" label={strings.loading} />}
      {catalog.status === "failed" && (
        <Notice intent="error" data-testid="function-list-error">
          {strings.loadError}
        </Notice>
      )}
      {catalog.status === "ready" && (
        <SearchableList functions={catalog.functions} strings={strings} headingId={headingId} />
      )}
    </section>
  );
}

interface SearchableListProps {
  functions: CatalogFunction[];
  strings: PaneStrings;
  headingId: string;
}

function SearchableList({ functions, strings, headingId }: SearchableListProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const shown = functions.filter((fn) => matchesQuery(fn, query));
  return (
    <>
      <Field label={strings.searchLabel}>
        <SearchBox
          data-testid="function-search"
          placeholder={strings.searchPlaceholder}
          value={query}
          onChange={(_event, data) => setQuery(data.value)}
        />
      </Field>
      {shown.length === 0 ? (
        <Body1 role="status">{fillPlaceholders(strings.noMatches, { query: query.trim() })}</Body1>
      ) : (
        <ul className={styles.list} data-testid="function-list" aria-labelledby={headingId}>
          {shown.map((fn) => (
            <FunctionItem key={fn.id} fn={fn} strings={strings} />
          ))}
        </ul>
      )}
    </>
  );
}

function FunctionItem({ fn, strings }: { fn: CatalogFunction; strings: PaneStrings }) {
  const styles = useStyles();
  const typed = formulaName(fn);
  return (
    <li className={styles.item} data-testid={`function-${fn.id}`}>
      <div className={styles.itemHeader}>
        <Text weight="semibold" font="monospace" className={styles.name}>
          {typed}
        </Text>
        {fn.helpUrl && (
          <Link
            href={fn.helpUrl}
            target="_blank"
            rel="noopener"
            aria-label={fillPlaceholders(strings.helpLabel, { name: typed })}
            data-testid={`help-${fn.id}`}
          >
            {strings.help}
          </Link>
        )}
      </div>
      {fn.description && <Body1 className={styles.description}>{fn.description}</Body1>}
    </li>
  );
}
