import betaln from "@stdlib/math-base-special-betaln";
import gammaln from "@stdlib/math-base-special-gammaln";
import fs from "fs";
import path from "path";
import { bgnbdExpected, bgnbdFit, bgnbdLogLikelihood, pAlive } from "../../../src/engine/value";
import { minimize } from "../../../src/engine/value/optimize";
import { cdnowSummary } from "../../support/cdnow";
import { engineErrorFrom } from "../../support/engine-errors";
import { REFERENCE_DIR } from "../../support/reference";

const published = JSON.parse(
  fs.readFileSync(path.join(REFERENCE_DIR, "bgnbd_reference.json"), "utf8"),
).bgnbd_published;
const cdnow = cdnowSummary();
const customers = {
  frequency: cdnow.map((c) => c.x),
  recency: cdnow.map((c) => c.tx),
  T: cdnow.map((c) => c.T),
};

/** The BG/NBD log-likelihood of one customer straight from Fader, Hardie & Lee's equation (6). */
function likelihoodByDefinition(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  tx: number,
  T: number,
) {
  const A = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + betaln(a, b + x) - betaln(a, b);
  const alive = Math.pow(alpha + T, -(r + x));
  const dropped = x > 0 ? (a / (b + x - 1)) * Math.pow(alpha + tx, -(r + x)) : 0;
  return A + Math.log(alive + dropped);
}

describe("bgnbdFit on CDNOW", () => {
  const fit = bgnbdFit(customers);

  it("gives the published r, alpha, a, b to three decimals", () => {
    expect(fit.r.toFixed(3)).toBe(published.r.toFixed(3));
    expect(fit.alpha.toFixed(3)).toBe(published.alpha.toFixed(3));
    expect(fit.a.toFixed(3)).toBe(published.a.toFixed(3));
    expect(fit.b.toFixed(3)).toBe(published.b.toFixed(3));
  });

  it("reaches the published log-likelihood -9582.4", () => {
    expect(Math.abs(fit.logLikelihood - published.loglik)).toBeLessThanOrEqual(0.05);
  });

  it("is deterministic", () => {
    expect(bgnbdFit(customers)).toEqual(fit);
  });

  it("shrinks the parameters with an L2 penalizer", () => {
    const penalized = bgnbdFit(customers, 0.1);
    expect(penalized.alpha).toBeLessThan(fit.alpha);
    expect(penalized.logLikelihood).toBeLessThan(fit.logLikelihood);
  });
});

describe("bgnbdLogLikelihood", () => {
  it("equals the definition with log-gamma and log-beta functions", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const sample = cdnow.slice(0, 200);
    const byDefinition = sample.reduce(
      (sum, c) => sum + likelihoodByDefinition(params.r, params.alpha, params.a, params.b, c.x, c.tx, c.T),
      0,
    );
    const mine = bgnbdLogLikelihood(params, {
      frequency: sample.map((c) => c.x),
      recency: sample.map((c) => c.tx),
      T: sample.map((c) => c.T),
    });
    expect(Math.abs(mine - byDefinition)).toBeLessThan(1e-9 * Math.abs(byDefinition));
  });
});

describe("conditional expectations", () => {
  const params = { r: published.r, alpha: published.alpha, a: published.a, b: published.b };

  it("customer 1 (x=2, t_x=30.43, T=38.86) expects 1.226 purchases in the next 39 weeks", () => {
    expect(bgnbdExpected(params, 2, 30.43, 38.86, 39).toFixed(3)).toBe("1.226");
  });

  it("expects nothing over no time, and more over more time", () => {
    expect(bgnbdExpected(params, 2, 30.43, 38.86, 0)).toBe(0);
    expect(bgnbdExpected(params, 2, 30.43, 38.86, 52)).toBeGreaterThan(
      bgnbdExpected(params, 2, 30.43, 38.86, 39),
    );
  });

  it("P(alive) is 1 without repeat purchases and falls as the last purchase recedes", () => {
    expect(pAlive(params, 0, 0, 38.86)).toBe(1);
    expect(pAlive(params, 2, 30.43, 38.86)).toBeGreaterThan(pAlive(params, 2, 10, 38.86));
  });

  it("refuses a recency beyond T", () => {
    expect(engineErrorFrom(() => pAlive(params, 2, 40, 38.86)).message).toBe(
      "recency must not exceed T; got 40",
    );
  });
});

describe("minimize", () => {
  it("reports a search that never settles as #NUM!", () => {
    const error = engineErrorFrom(() => minimize((x) => -x[0], [[0]]));
    expect(error.kind).toBe("num");
    expect(error.message).toMatch(/did not converge/);
  });
});
