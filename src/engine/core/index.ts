export * from "./errors";
export * from "./grid";
export * from "./messages";
export * from "./validate";
export * from "./integrate";
