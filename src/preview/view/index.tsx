/** Mounts the workbook view into the preview page. */
import { createRoot } from "react-dom/client";
import type { PreviewWorkbook } from "../host/workbook";
import { WorkbookView } from "./WorkbookView";

export function mountWorkbookView(container: HTMLElement, workbook: PreviewWorkbook, onReset: () => void) {
  createRoot(container).render(<WorkbookView workbook={workbook} onReset={onReset} />);
}
