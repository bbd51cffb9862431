/**
 * The custom functions exactly as the build registers them: the same source files
 * (scripts/lib/function-sources.js), parsed by the same metadata generator the webpack plugin uses.
 * Tests call through here, so a new family is covered without further wiring.
 */
import fs from "fs";
import path from "path";
import { parseTree, type IFunction } from "custom-functions-metadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSourceFiles } = require("../../scripts/lib/function-sources.js") as {
  functionSourceFiles: () => string[];
};

export interface RegisteredFunction {
  id: string;
  metadata: IFunction;
  sourceFile: string;
  call: (...args: unknown[]) => unknown;
}

export function functionMetadata(): { functions: IFunction[] } {
  return { functions: functionSourceFiles().flatMap((file) => parse(file).functions) };
}

function parse(file: string) {
  const result = parseTree(fs.readFileSync(file, "utf8"), file);
  const errors = result.extras.flatMap((extra) => extra.errors);
  if (errors.length > 0) throw new Error(`${path.basename(file)}: ${errors.join("; ")}`);
  return result;
}

export function registeredFunctions(): RegisteredFunction[] {
  return functionSourceFiles().flatMap((file) => {
    const { functions, associate } = parse(file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, (...args: unknown[]) => unknown>;
    return associate.map(({ id, functionName }) => {
      const call = exports[functionName];
      if (typeof call !== "function") throw new Error(`${id}: ${functionName} is not exported by ${file}`);
      const metadata = functions.find((fn) => fn.id === id);
      if (!metadata) throw new Error(`${id}: no metadata`);
      return { id, metadata, sourceFile: file, call };
    });
  });
}

export function registeredFunction(id: string): RegisteredFunction {
  const found = registeredFunctions().find((fn) => fn.id === id);
  if (!found) throw new Error(`${id} is not registered`);
  return found;
}
