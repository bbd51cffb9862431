/** Problems in words: what is wrong, where, and what the build does about it. */
import { builderStrings } from "../../i18n/builders";
import type { Locale } from "../../i18n/locale";
import { fillPlaceholders } from "../../i18n/strings";
import type { Problem } from "./validate";

export interface ProblemText {
  message: string;
  consequence: string;
}

export function describeProblem(problem: Problem, locale: Locale): ProblemText {
  const strings = builderStrings(locale);
  const list = (items: (string | number)[], more: number) =>
    items.join(locale === "zh-CN" ? "、" : ", ") + (more > items.length ? "…" : "");
  const message = fillPlaceholders(strings[`problem_${problem.code}`], {
    slot: strings[`slot_${problem.slot}`],
    role: problem.role ? strings[`role_${problem.role}`] : "",
    column: problem.column ?? "",
    count: String(problem.count),
    rows: list(problem.rows, problem.count),
    values: list(problem.values, problem.count),
  });
  const consequence =
    problem.severity === "error"
      ? strings.consequence_error
      : (strings[`consequence_${problem.code}` as "consequence_blankRows"] ?? "");
  return { message, consequence };
}
