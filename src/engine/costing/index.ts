export * from "./abc";
export * from "./amounts";
export * from "./channels";
export * from "./ledger";
export * from "./support";
export * from "./tdabc";
