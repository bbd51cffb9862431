/**
 * Writes the workbook templates (templates/*.xlsx) from source: `npm run templates`.
 * The files are generated, never edited by hand; the same source always gives the same bytes.
 */
import fs from "fs";
import path from "path";
import { TEMPLATES, writeXlsx } from "./templates";

const OUT_DIR = path.resolve(__dirname, "../templates");

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const build of TEMPLATES) {
    const template = build();
    const buffer = await writeXlsx(template);
    const file = path.join(OUT_DIR, template.file);
    const unchanged = fs.existsSync(file) && fs.readFileSync(file).equals(buffer);
    if (!unchanged) fs.writeFileSync(file, buffer);
    const sheets = template.snapshot.sheets.map((sheet) => sheet.name).join(", ");
    console.log(
      `${unchanged ? "unchanged" : "wrote"} templates/${template.file} (${buffer.length} bytes): ${sheets}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
