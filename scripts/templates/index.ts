/** The workbook templates controllers share, each built from source by a pure function. */
import { customerValue } from "./customer-value";
import { serviceCostModel } from "./service-cost-model";
import { staffingPlan } from "./staffing-plan";
import type { Template } from "./template";

export type { CheckCell, Template } from "./template";
export { writeXlsx } from "./xlsx";

export const TEMPLATES: readonly (() => Template)[] = [serviceCostModel, staffingPlan, customerValue];
