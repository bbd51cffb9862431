/**
 * Customer-experience KPIs from raw survey answers and contact logs: NPS, CSAT (top-box share), CES
 * (mean effort score) and first-contact resolution. Blank answers are not answers: they are left
 * out. A score outside its scale is an error naming its row, never silently dropped.
 */
import { divisionByZero, invalidValue } from "../core/errors";
import { withPlace } from "../core/grid";
import { check } from "../core/validate";

/** The answered scores (blanks already removed), each checked against the scale. */
function checkedScores(
  scores: number[],
  rows: number[] | undefined,
  min: number,
  max: number,
  whole: boolean,
): number[] {
  return scores.map((score, i) =>
    withPlace({ row: rows?.[i] ?? i + 1 }, () => {
      if (whole) check(score, "scores", "wholeNonNegative");
      if (!(score >= min && score <= max))
        throw invalidValue("outOfScale", { arg: "scores", limit: `${min}-${max}`, actual: String(score) });
      return score;
    }),
  );
}

const noAnswers = () => divisionByZero("noAnswers", { arg: "scores" });

/** Net Promoter Score: % promoters (9-10) minus % detractors (0-6) of 0-10 answers, -100..100. */
export function nps(scores: number[], rows?: number[]): number {
  const answers = checkedScores(scores, rows, 0, 10, true);
  if (answers.length === 0) throw noAnswers();
  const promoters = answers.filter((s) => s >= 9).length;
  const detractors = answers.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / answers.length;
}

/** CSAT: the share of answers at or above `threshold` on a 1..scale_max scale (top-box). */
export function csat(scores: number[], threshold?: number, scaleMax = 5, rows?: number[]): number {
  const max = check(scaleMax, "scale_max", "positive");
  const top = threshold === undefined ? max - 1 : check(threshold, "threshold", "finite");
  const answers = checkedScores(scores, rows, 1, max, false);
  if (answers.length === 0) throw noAnswers();
  return answers.filter((s) => s >= top).length / answers.length;
}

/** CES: the mean customer-effort score on a 1..scale_max scale. */
export function ces(scores: number[], scaleMax = 7, rows?: number[]): number {
  const max = check(scaleMax, "scale_max", "positive");
  const answers = checkedScores(scores, rows, 1, max, false);
  if (answers.length === 0) throw noAnswers();
  return answers.reduce((sum, s) => sum + s, 0) / answers.length;
}

/** First-contact resolution: the share of contacts resolved at the first contact (flags 1/0 or TRUE/FALSE). */
export function fcr(flags: number[], rows?: number[]): number {
  const resolved = flags.map((flag, i) =>
    withPlace({ row: rows?.[i] ?? i + 1 }, () => {
      if (flag !== 0 && flag !== 1)
        throw invalidValue("outOfScale", { arg: "resolved", limit: "0-1", actual: String(flag) });
      return flag;
    }),
  );
  if (resolved.length === 0) throw divisionByZero("noAnswers", { arg: "resolved" });
  return resolved.reduce((sum: number, flag) => sum + flag, 0) / resolved.length;
}
