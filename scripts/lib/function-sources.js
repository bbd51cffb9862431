/**
 * The custom-function source files: every file in src/functions that declares a @customfunction.
 * webpack.config.js hands them to custom-functions-metadata-plugin; the tests discover functions
 * from the same list, so a new family file is picked up everywhere without further wiring.
 */
const fs = require("fs");
const path = require("path");

const FUNCTIONS_DIR = path.resolve(__dirname, "../../src/functions");

function functionSourceFiles() {
  return fs
    .readdirSync(FUNCTIONS_DIR)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(FUNCTIONS_DIR, file))
    .filter((file) => fs.readFileSync(file, "utf8").includes("@customfunction"))
    .sort();
}

module.exports = { FUNCTIONS_DIR, functionSourceFiles };
