/** Excel-like sheet tabs: one button per sheet, the active one marked. */

export interface SheetTabsProps {
  sheets: string[];
  active: string;
  onActivate: (sheet: string) => void;
}

export function SheetTabs({ sheets, active, onActivate }: SheetTabsProps) {
  return (
    <div className="preview-tabs" role="tablist" aria-label="Sheets">
      {sheets.map((sheet) => (
        <button
          key={sheet}
          type="button"
          role="tab"
          aria-selected={sheet === active}
          className={sheet === active ? "preview-tab preview-tab-active" : "preview-tab"}
          data-testid={`sheet-tab-${sheet}`}
          onClick={() => onActivate(sheet)}
        >
          {sheet}
        </button>
      ))}
    </div>
  );
}
