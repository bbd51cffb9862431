import { Notice } from "../Notice";
import { useId } from "react";
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "../../../i18n/locale";
import { paneStrings } from "../../../i18n/strings";
import { describeProblem } from "../../model-builders/describe";
import type { Problem } from "../../model-builders/validate";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface ValidationListProps {
  locale: Locale;
  problems: Problem[];
}

/** What is wrong with the sources before building, errors first, each with what the build does about it. */
export function ValidationList({ locale, problems }: ValidationListProps) {
  const styles = useStyles();
  const strings = paneStrings(locale);
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="problems">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.problemsHeading}
      </Subtitle2>
      {problems.length === 0 ? (
        <Notice intent="success" layout="singleline" data-testid="no-problems">
          {strings.noProblems}
        </Notice>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {problems.map((problem) => {
            const { message, consequence } = describeProblem(problem, locale);
            return (
              <li key={`${problem.slot}-${problem.code}-${problem.role ?? ""}`}>
                <MessageBar
                  intent={problem.severity}
                  layout="multiline"
                  data-testid={`problem-${problem.code}`}
                  data-slot={problem.slot}
                  data-severity={problem.severity}
                >
                  <MessageBarBody>
                    <MessageBarTitle>{message}</MessageBarTitle>
                    {consequence && <> {consequence}</>}
                  </MessageBarBody>
                </MessageBar>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
