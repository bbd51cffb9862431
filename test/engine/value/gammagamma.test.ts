import fs from "fs";
import path from "path";
import { gammaGammaFit, spendExpected } from "../../../src/engine/value";
import { cdnowSummary } from "../../support/cdnow";
import { engineErrorFrom } from "../../support/engine-errors";
import { REFERENCE_DIR } from "../../support/reference";

const published = JSON.parse(
  fs.readFileSync(path.join(REFERENCE_DIR, "bgnbd_reference.json"), "utf8"),
).gamma_gamma_published;

describe("gammaGammaFit on CDNOW's repeat buyers", () => {
  const cdnow = cdnowSummary();
  const fit = gammaGammaFit(
    cdnow.map((c) => c.x),
    cdnow.map((c) => c.zbar),
  );

  it("gives p, q, gamma within 0.01 of the published 6.25 / 3.74 / 15.44", () => {
    expect(Math.abs(fit.p - published.p)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.q - published.q)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.gamma - published.gamma)).toBeLessThanOrEqual(0.01);
  });
});

describe("spendExpected", () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  it("is p (gamma + x m) / (p x + q - 1), and the population mean for one-time buyers", () => {
    expect(spendExpected(params, 2, 22.35)).toBeCloseTo((6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 2.74), 12);
    expect(spendExpected(params, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  it("moves towards the customer's own mean as purchases accumulate", () => {
    expect(Math.abs(spendExpected(params, 50, 80) - 80)).toBeLessThan(
      Math.abs(spendExpected(params, 2, 80) - 80),
    );
  });

  it("needs q > 1 (#NUM!) and a positive spend for repeat buyers", () => {
    expect(engineErrorFrom(() => spendExpected({ ...params, q: 0.9 }, 1, 10)).kind).toBe("num");
    expect(engineErrorFrom(() => spendExpected(params, 1, 0)).message).toBe("monetary must be > 0; got 0");
  });
});
