/**
 * The Instructions sheet every template opens on: what each sheet is and how to refresh and share
 * the workbook, in English and then in Chinese (stacked, so long lines read without wrapping).
 */
import { cellAddress } from "../../src/taskpane/model-builders/references";
import type { TemplateBuilder } from "./template";

export interface Bilingual {
  en: string;
  zh: string;
}

export interface SheetGuide extends Bilingual {
  sheet: string;
}

export interface InstructionsSpec {
  title: Bilingual;
  purpose: Bilingual;
  sheets: SheetGuide[];
  /** How to use this template in particular, before the notes all templates share. */
  steps: Bilingual[];
}

export const INSTRUCTIONS_SHEET = "Instructions";

/** What every template says about live formulas, refreshing and sharing. */
const COMMON_NOTES: Bilingual[] = [
  {
    en: "Yellow cells are inputs: type over them. Everything else is calculated.",
    zh: "黄色单元格为输入项，可直接修改；其余单元格均为计算结果。",
  },
  {
    en: "Live formulas: the model sheets hold =SVC.* functions of the Service cost modeller add-in and ordinary Excel formulas over the tables, so editing or adding table rows recalculates everything.",
    zh: "实时公式：模型工作表中是“客服成本建模”加载项的 =SVC.* 函数，以及引用表格的普通 Excel 公式；修改或新增表格行后，所有结果都会重新计算。",
  },
  {
    en: "The SVC add-in is needed for live formulas. Without it the SVC cells show #NAME? (until the add-in has loaded, Excel may show the stored name _xldudf_SVC_...).",
    zh: "实时公式需要安装 SVC 加载项。未安装时 SVC 单元格显示 #NAME?（加载项载入之前，Excel 可能显示文件中保存的名称 _xldudf_SVC_…）。",
  },
  {
    en: "The task pane (Home > Cost modeller) opens with this workbook and already holds its mapping: sources, columns and inputs are saved in the workbook.",
    zh: "任务窗格（开始 > 成本建模）会随本工作簿打开，并已保存映射：数据源、列和参数都保存在工作簿中。",
  },
  {
    en: "After adding rows with names a sheet does not list yet (a new channel, tier or customer), choose Refresh model in the pane: it rebuilds the pane's model sheet so that its spills and checks cover the new rows. The other sheets list their rows themselves: extend them too.",
    zh: "新增了工作表尚未列出的名称（新的渠道、等级或客户）后，请在任务窗格中点击“刷新模型”：它会重新生成窗格的模型工作表，使溢出区域和校验覆盖新增的行。其他工作表各自列出行，也请相应扩展。",
  },
  {
    en: "Check cells read OK when the totals balance; CHECK means a total does not add up, most often because rows were added and a sheet has not been refreshed or extended.",
    zh: "校验单元格在合计平衡时显示 OK；显示 CHECK 表示某项合计对不上，通常是新增了行但工作表尚未刷新或扩展。",
  },
  {
    en: "To share results with colleagues who do not have the add-in, use Freeze for sharing (Share, in the pane): it writes a copy of a model sheet as plain values, noting the inputs and the date, and leaves the model sheet as it is. Share that copy; Restore live formulas brings the formulas back.",
    zh: "如需与未安装加载项的同事分享结果，请使用任务窗格“共享”中的“冻结以便共享”：它把模型工作表复制为纯数值的新工作表，并注明输入和日期，模型工作表本身保持不变。请共享该副本；“还原实时公式”可恢复公式。",
  },
  {
    en: "The file stores formulas, not results: Excel calculates the whole workbook when it opens it.",
    zh: "文件中保存的是公式而不是结果：Excel 打开工作簿时会重新计算全部内容。",
  },
];

/** The Instructions sheet, placed first; call it last, once the sheets and their checks exist. */
export function instructionsSheet(template: TemplateBuilder, spec: InstructionsSpec): void {
  const sheet = template.sheet(INSTRUCTIONS_SHEET, { first: true });
  const withChecks = (guide: SheetGuide, lang: keyof Bilingual) => {
    const cells = template.checksOn(guide.sheet);
    if (cells.length === 0) return guide[lang];
    return lang === "en"
      ? `${guide.en} Check in ${cells.join(", ")}.`
      : `${guide.zh}校验见 ${cells.join("、")}。`;
  };
  let row = 0;
  const line = (text: string, bold = false) => {
    sheet.put({ at: cellAddress(row++, 0), cells: [[text]], bold });
  };
  const language = (lang: keyof Bilingual, labels: [string, string, string, string]) => {
    const [sheetsTitle, sheetHeader, holdsHeader, usageTitle] = labels;
    line(sheetsTitle, true);
    sheet.put({ at: cellAddress(row++, 0), cells: [[sheetHeader, holdsHeader]], bold: true });
    const first = row;
    for (const guide of spec.sheets) {
      sheet.put({ at: cellAddress(row++, 0), cells: [[guide.sheet, withChecks(guide, lang)]] });
    }
    sheet.autofit(`A${first + 1}:A${row}`);
    row++;
    line(usageTitle, true);
    for (const note of [...spec.steps, ...COMMON_NOTES]) line(note[lang]);
    row++;
  };

  line(spec.title.en, true);
  line(spec.title.zh, true);
  line(spec.purpose.en);
  line(spec.purpose.zh);
  row++;
  language("en", ["Sheets", "Sheet", "What it holds", "Using this workbook"]);
  language("zh", ["工作表", "工作表", "内容", "使用说明"]);
  sheet.width(1, 110);
}
