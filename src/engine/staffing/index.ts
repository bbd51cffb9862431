export * from "./erlang";
export * from "./measures";
export * from "./solve";
export * from "./table";
export * from "./workload";
