export * from "./kpi";
export * from "./levers";
export * from "./scorecard";
export * from "./tiers";
