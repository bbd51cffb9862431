/**
 * Special functions the customer-value models need, from the stdlib numerical library rather than
 * hand-written approximations: log-gamma, log-beta and the Gauss hypergeometric function 2F1.
 */
import betaln from "@stdlib/math-base-special-betaln";
import gammaln from "@stdlib/math-base-special-gammaln";
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";

export { betaln, gammaln, hyp2f1 };

/** ln(e^x + e^y) without overflow. */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const high = Math.max(x, y);
  return high + Math.log1p(Math.exp(Math.min(x, y) - high));
}
