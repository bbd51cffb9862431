/** The add-in's version, from package.json (webpack keeps only the fields read, so just this one). */
import packageJson from "../../package.json";

export const ADDIN_VERSION: string = packageJson.version;
