/**
 * fast-check generators for what Excel can hand a custom function, and then some: numbers of every
 * size and sign, text, booleans, blanks in each host's form, error values, and ranges of mixed
 * shapes. Family tests reuse these for their own invariants.
 */
import fc from "fast-check";

export const ERROR_CODES = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"] as const;

export const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double(), // includes NaN, ±Infinity, -0 and subnormals: none may leak into a result
  fc.constantFrom(0, 1, -1, 0.5, 0.999999999, 1e-12, 1e9, -1e9, 1e308, 5e-324, 999_999, 1_000_000, 1_000_001),
);

export const anyCell = fc.oneof(
  { weight: 6, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom("", "12", "abc", "是", "#N/A", " ") },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...ERROR_CODES)
      .map((code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode)),
  },
);

/** A range: 1-4 rows by 1-4 columns of any cells. */
export const anyRange = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(anyCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );

/** One argument as Excel passes it to an any[][] parameter; optional ones may be omitted. */
export function anyArgument(optional: boolean) {
  const given = fc.oneof(
    { weight: 3, arbitrary: anyCell.map((cell) => [[cell]]) },
    { weight: 2, arbitrary: anyRange },
  );
  return optional ? fc.oneof(given, fc.constantFrom(undefined, null)) : given;
}

/** A realistic positive number, for properties about valid input. */
export const positive = (max: number) => fc.double({ min: 1e-6, max, noNaN: true });
