/**
 * The preview's sample workbook in the preview host, with the SVC functions registered, and the
 * pane's models prepared on it as the pane would (sources read through the Office adapter, columns
 * mapped by suggestion alone): shared by the Node tests of model sheets and of sharing.
 */
import { installCustomFunctionsRuntime, installOfficeHost } from "../../src/preview/host/office";
import { PreviewWorkbook } from "../../src/preview/host/workbook";
import { sampleWorkbook } from "../../src/preview/samples";
import { officeWorkbook } from "../../src/taskpane/excel/workbook";
import { defaultInputs } from "../../src/taskpane/model-builders/builders";
import { planModel, type Sources } from "../../src/taskpane/model-builders/plan";
import { spillSizes } from "../../src/taskpane/model-builders/sizes";
import { suggestMapping, suggestUnits } from "../../src/taskpane/model-builders/suggest";
import type { BuilderId, ModelSetup, SlotId } from "../../src/taskpane/model-builders/types";
import { validateSources } from "../../src/taskpane/model-builders/validate";
import { registeredFunctions } from "./registry";

/** Each builder's sample tables. */
export const SAMPLE_SOURCES: Record<BuilderId, Partial<Record<SlotId, string>>> = {
  abc: { ledger: "CostLedger", log: "ContactLog" },
  staffing: { forecast: "IntervalForecast" },
  value: { transactions: "Transactions" },
};

/** The registered functions by id, as the workbook calls them. */
export const sampleFunctions = new Map(registeredFunctions().map(({ id, call }) => [id, call]));

/** A fresh sample workbook, installed as the Office host that officeWorkbook talks to. */
export function openSampleWorkbook(): PreviewWorkbook {
  installCustomFunctionsRuntime(globalThis);
  const workbook = new PreviewWorkbook(sampleWorkbook(), sampleFunctions);
  installOfficeHost(globalThis, () => workbook, { displayLanguage: "en-US" });
  return workbook;
}

/** A builder's setup, sources, problems and plan over the sample tables. */
export async function prepareSampleModel(builder: BuilderId, sheetName: string) {
  const sources: Sources = {};
  const setup: ModelSetup = {
    builder,
    slots: {},
    units: { handleTime: "sec", volume: "perInterval" },
    inputs: defaultInputs(builder),
    sheetName,
  };
  for (const [slot, table] of Object.entries(SAMPLE_SOURCES[builder]) as [SlotId, string][]) {
    const source = await officeWorkbook.readSource({ kind: "table", name: table });
    sources[slot] = source;
    setup.slots[slot] = { source: source.ref, mapping: suggestMapping(builder, slot, source.headers) };
  }
  if (builder === "staffing") setup.units = suggestUnits(setup.slots.forecast!.mapping);
  const problems = validateSources(
    builder,
    Object.fromEntries(
      Object.entries(setup.slots).map(([slot, { mapping }]) => [
        slot,
        { source: sources[slot as SlotId], mapping },
      ]),
    ),
  );
  return { setup, sources, problems, plan: planModel(setup, sources, spillSizes(setup, sources), "en-US") };
}
