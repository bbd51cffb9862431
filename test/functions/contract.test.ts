import fs from "fs";
import path from "path";
import { CATALOGUE, parseSignature } from "./catalogue";
import { functionMetadata } from "../support/registry";

const contract = new Map(CATALOGUE.map((text) => [parseSignature(text).id, parseSignature(text)]));
const implemented = functionMetadata().functions;

describe("function catalogue contract", () => {
  it("implements ERLANG_B and ERLANG_C at least", () => {
    expect(implemented.map((fn) => fn.id)).toEqual(expect.arrayContaining(["ERLANG_B", "ERLANG_C"]));
  });

  it.each(implemented.map((fn) => [fn.id, fn] as const))(
    "%s keeps the id, parameter names, order and optionality of the catalogue",
    (id, fn) => {
      const expected = contract.get(id);
      if (expected === undefined) {
        // A family may add functions its users expect; they still follow the conventions.
        expect(id).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
        return;
      }
      expect(fn.name).toBe(id);
      expect(fn.parameters.map((p) => ({ name: p.name, optional: p.optional === true }))).toEqual(
        expected.parameters,
      );
    },
  );

  it("every argument name is lower snake case (units in the name, e.g. aht_sec)", () => {
    for (const fn of implemented) {
      for (const p of fn.parameters)
        expect(`${fn.id}.${p.name}`).toMatch(/\.(T|[a-z][a-z0-9]*(_[a-z0-9]+)*)$/);
    }
  });

  it("catalogue.ts agrees with DESIGN.md section 3", () => {
    const design = fs.readFileSync(path.resolve(__dirname, "../../../shared/DESIGN.md"), "utf8");
    const section = design.slice(design.indexOf("## 3."), design.indexOf("## 4."));
    const signatures = [...section.matchAll(/`([A-Z_]+\([^`]*\))`/g)].map((m) => parseSignature(m[1]));
    expect(signatures.length).toBeGreaterThanOrEqual(CATALOGUE.length);
    expect(new Map(signatures.map((s) => [s.id, s]))).toEqual(contract);
  });
});
