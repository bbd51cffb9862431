/** The modelling library: pure TypeScript, usable from Node without Excel. */
export * as core from "./core";
export * as costing from "./costing";
export * as scorecard from "./scorecard";
export * as staffing from "./staffing";
export * as value from "./value";
