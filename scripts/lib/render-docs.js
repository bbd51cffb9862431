/**
 * Renders the Markdown help pages in docs/ to the HTML pages that each function's helpUrl opens.
 * Links between pages are written as .md (so they work when browsing the repository) and served
 * as .html.
 */
const fs = require("fs");
const path = require("path");
const { marked } = require("marked");

const DOCS_DIR = path.resolve(__dirname, "../../docs");

function markdownFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

function page(title, lang, body) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font-family: "Segoe UI", "Microsoft YaHei", system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
code, pre { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; }
pre { padding: 0.75rem; overflow-x: auto; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; text-align: left; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** [{ file, html }] with file relative to the output root, e.g. docs/functions/ERLANG_C.html. */
function renderDocs(docsDir = DOCS_DIR) {
  return markdownFiles(docsDir).map((file) => {
    const markdown = fs.readFileSync(file, "utf8");
    const relative = path.relative(docsDir, file).split(path.sep).join("/");
    const lang = relative.startsWith("zh-CN/") ? "zh-CN" : "en-US";
    const title = (markdown.match(/^#\s+(.+)$/m) ?? [null, path.basename(file, ".md")])[1];
    const body = marked
      .parse(markdown, { async: false })
      .replace(/href="([^"#:]*)README\.md(#[^"]*)?"/g, 'href="$1index.html$2"')
      .replace(/href="([^"#:]+)\.md(#[^"]*)?"/g, 'href="$1.html$2"');
    const out = relative.replace(/README\.md$/, "index.md").replace(/\.md$/, ".html");
    return { file: `docs/${out}`, html: page(title, lang, body) };
  });
}

module.exports = { DOCS_DIR, renderDocs };
