/**
 * The pane's work before a build on a large contact log: suggesting the mapping, validating every
 * row and planning the model sheet. It runs in the pane while the user waits, so it must stay
 * well under a second for a million log rows.
 */
import { defineBench } from "./suite";
import { createRandom } from "../src/preview/samples/random";
import { planModel, type Sources } from "../src/taskpane/model-builders/plan";
import { spillSizes } from "../src/taskpane/model-builders/sizes";
import { suggestMapping } from "../src/taskpane/model-builders/suggest";
import type { CellValue, ModelSetup, SourceData } from "../src/taskpane/model-builders/types";
import { validateSources } from "../src/taskpane/model-builders/validate";

const ROWS = 1_000_000;
const activities = Array.from({ length: 20 }, (_, i) => `Activity ${i + 1}`);
const channels = ["Phone", "Chat", "Email", "Bot"];
const random = createRandom(11);

const table = (name: string, headers: string[], rows: CellValue[][]): SourceData => ({
  ref: { kind: "table", name },
  sheet: name,
  address: `A1:${String.fromCharCode(64 + headers.length)}${rows.length + 1}`,
  headers,
  rows,
});

const ledger = table(
  "CostLedger",
  ["Activity", "Cost"],
  activities.map((activity) => [activity, Math.round(random.uniform() * 1e6) / 100]),
);
const log = table(
  "ContactLog",
  ["Activity", "Channel", "Handle time (min)"],
  Array.from({ length: ROWS }, () => [
    activities[random.integer(0, activities.length - 1)],
    channels[random.integer(0, channels.length - 1)],
    Math.round(random.uniform() * 2_000) / 100,
  ]),
);
const sources: Sources = { ledger, log };

function prepare(): ModelSetup {
  return {
    builder: "abc",
    slots: {
      ledger: { source: ledger.ref, mapping: suggestMapping("abc", "ledger", ledger.headers) },
      log: { source: log.ref, mapping: suggestMapping("abc", "log", log.headers) },
    },
    units: { handleTime: "sec", volume: "perInterval" },
    inputs: {},
    sheetName: "Cost allocation",
  };
}

export default defineBench("taskpane", [
  {
    name: "ABC builder: validate and plan over 1,000,000 contact-log rows",
    run: () => {
      const setup = prepare();
      const problems = validateSources("abc", {
        ledger: { source: ledger, mapping: setup.slots.ledger!.mapping },
        log: { source: log, mapping: setup.slots.log!.mapping },
      });
      if (problems.some((problem) => problem.severity === "error")) throw new Error("clean data has errors");
      return planModel(setup, sources, spillSizes(setup, sources), "en-US");
    },
    targetMs: 1_000,
  },
]);
