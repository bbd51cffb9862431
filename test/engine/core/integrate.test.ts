import { integrate } from "../../../src/engine/core";
import { expectRelativeClose } from "../../support/reference";

describe("integrate", () => {
  it("matches integrals known in closed form", () => {
    expectRelativeClose(integrate(Math.exp, 0, 1), Math.E - 1, 1e-14);
    expectRelativeClose(integrate(Math.sin, 0, Math.PI), 2, 1e-14);
    expectRelativeClose(
      integrate((x) => 1 / (1 + x * x), 0, 1),
      Math.PI / 4,
      1e-14,
    );
  });

  it("resolves a sharp decay at one end of a long interval", () => {
    // ∫_0^20 300 e^{-300 x} dx = 1 - e^{-6000}
    expectRelativeClose(
      integrate((x) => 300 * Math.exp(-300 * x), 0, 20),
      1,
      1e-12,
    );
  });

  it("is 0 over an empty or reversed interval", () => {
    expect(integrate(Math.exp, 1, 1)).toBe(0);
    expect(integrate(Math.exp, 2, 1)).toBe(0);
  });
});

describe("integrate on integrands it cannot resolve", () => {
  it("returns at once for a non-finite integrand instead of refining forever", () => {
    expect(integrate(() => NaN, 0, 1)).toBeNaN();
    expect(integrate((x) => (x < 0.5 ? 0 : NaN), 0, 1)).toBeNaN();
  });

  it("stops refining a nowhere-smooth integrand after a bounded number of panels", () => {
    let calls = 0;
    const noisy = (x: number) => {
      calls++;
      return Math.sin(1e9 * x) * 1e3;
    };
    expect(Number.isFinite(integrate(noisy, 0, 1))).toBe(true);
    expect(calls).toBeLessThanOrEqual(15 * 2_001);
  });
});
