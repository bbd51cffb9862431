export * from "./bgnbd";
export * from "./clv";
export * from "./gammagamma";
export * from "./rfm";
export * from "./customerValue";
