/**
 * `npm start`.
 * - Windows and macOS: office-addin-debugging starts the dev server (`npm run dev-server`), trusts the
 *   development CA and sideloads manifest.xml into desktop Excel.
 * - Elsewhere (Linux has no desktop Excel): serves the add-in over HTTPS on the dev-server port and,
 *   once it answers, explains how to trust the CA and sideload the add-in into Excel on the web.
 *   The server's PID is recorded so that `npm run stop` (scripts/stop.mjs) can end it.
 * stop.mjs imports the shared settings below; main() only runs when this file is the entry point.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { ensureCertificateFiles } = require("./lib/dev-certs.js");

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
export const PORT = Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port);
export const MANIFEST = "manifest.xml";
const BASE_URL = `https://localhost:${PORT}/`;
const PANE_URL = `${BASE_URL}taskpane.html`;
const PREVIEW_URL = `${BASE_URL}preview/index.html`;
/** Outside the project, so that builds (which clean dist/) cannot lose it. */
export const PID_FILE = path.join(os.tmpdir(), `${pkg.name}-dev-server-${PORT}.json`);

export function hasDesktopExcel(platform = process.platform) {
  return platform === "win32" || platform === "darwin";
}

/** Runs a dependency's command-line tool with this Node: no shell and no .cmd shim on Windows. */
export function spawnPackageBin(packageName, args) {
  const packageDir = path.join(ROOT, "node_modules", packageName);
  const { bin } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));
  const script = typeof bin === "string" ? bin : bin[packageName];
  return spawn(process.execPath, [path.join(packageDir, script), ...args], { cwd: ROOT, stdio: "inherit" });
}

/** Resolves with the exit code once the child ends; a child ended by a signal counts as success. */
export function exitCodeOf(child) {
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on("exit", (code) => resolve(code ?? 0));
  });
}

export function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM"; // alive, but owned by someone else
  }
}

/** The recorded dev server, or null when there is none. */
export function readPidFile() {
  try {
    return JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
  } catch {
    return null;
  }
}

function removePidFile(pid) {
  if (readPidFile()?.pid === pid) fs.rmSync(PID_FILE, { force: true });
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * The HTTP status of the pane page, or null while nothing listens. The request trusts only the
 * development CA, so an answer also proves the server presents our localhost certificate. The dev
 * server holds requests until the first compilation finishes, hence the generous timeout.
 */
function probe(url, ca) {
  return new Promise((resolve) => {
    const request = https.get(url, { ca, timeout: 10 * 60 * 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve(null));
  });
}

async function waitForServer(hasEnded, ca) {
  while (!hasEnded()) {
    const status = await probe(PANE_URL, ca);
    if (status !== null) return status;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return null;
}

function printInstructions({ pid, certificates, status }) {
  const manifest = path.join(ROOT, MANIFEST);
  const caStore = "/usr/local/share/ca-certificates/office-addin-dev-certs";
  const lines = [
    "",
    "=".repeat(100),
    `Service cost modeller is served at ${BASE_URL} (dev server PID ${pid}).`,
    `  Pane and custom functions: ${PANE_URL}`,
    `  Manifest:                  ${manifest}`,
    `  Preview without Excel:     ${PREVIEW_URL}`,
    "    (the pane and the functions in a plain browser page, on a sample workbook calculated in the page)",
    status !== undefined && status !== 200
      ? `  Note: taskpane.html answered HTTP ${status}; see the build errors above.`
      : null,
    "",
    "There is no desktop Excel on this system, so nothing was sideloaded. To use the add-in:",
    "",
    "1. Trust the development CA (it is valid for 30 days; trust it again after it is regenerated).",
    certificates?.generated
      ? "   A new CA was generated just now: trust it even if you trusted an older one."
      : null,
    `   CA certificate: ${certificates?.ca}`,
    "   System store (Debian/Ubuntu):",
    `     sudo mkdir -p ${caStore}`,
    `     sudo cp ${certificates?.ca} ${caStore}/ca.crt && sudo update-ca-certificates`,
    "   Browsers: Chrome/Edge on Linux read ~/.pki/nssdb (apt install libnss3-tools):",
    `     certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${certificates?.ca}`,
    "   or import ca.crt as an authority in the browser's certificate settings (Firefox: Settings >",
    '   Privacy & Security > View Certificates > Authorities > Import, "Trust this CA to identify websites").',
    `   Check: open ${PANE_URL} in that browser; it must load without a certificate warning.`,
    "",
    "2. Sideload into Excel on the web: open a workbook, then Insert > Add-ins > My Add-ins >",
    "   Upload My Add-in (newer ribbons: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in),",
    `   and choose ${manifest}.`,
    "   Type =SVC. in a cell for the functions; Home > Cost modeller opens the pane.",
    "",
    "Windows and macOS: `npm start` there runs office-addin-debugging, which trusts the CA and sideloads",
    "into desktop Excel. Manual sideloading: on a Mac copy manifest.xml to",
    "~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/; on Windows share a folder holding it",
    "and add that share as a trusted add-in catalog (Trust Center > Trusted Add-in Catalogs).",
    "",
    "Stop the server with `npm run stop` (or Ctrl+C here).",
    "=".repeat(100),
    "",
  ];
  console.log(lines.filter((line) => line !== null).join("\n"));
}

/** Windows and macOS: desktop Excel is there, so the standard tooling does everything. */
async function startWithDesktopExcel() {
  const args = ["start", MANIFEST, "desktop", "--app", "excel", "--dev-server-port", String(PORT)];
  console.log(
    `Once the dev server is up, ${PREVIEW_URL} shows the add-in without Excel, on a sample workbook.`,
  );
  return exitCodeOf(spawnPackageBin("office-addin-debugging", args));
}

async function startServerOnly() {
  const certificates = await ensureCertificateFiles();
  const running = readPidFile();
  if (running && isRunning(running.pid)) {
    console.log(`A dev server started by npm start is already running (PID ${running.pid}).`);
    printInstructions({ pid: running.pid, certificates });
    return 0;
  }
  if (await portInUse(PORT)) {
    console.error(`Port ${PORT} is in use by another program; stop it or change config.dev_server_port.`);
    return 1;
  }

  const child = spawnPackageBin("webpack", ["serve", "--mode", "development"]);
  let ended = false;
  const exited = exitCodeOf(child).finally(() => (ended = true));
  fs.writeFileSync(
    PID_FILE,
    JSON.stringify({ pid: child.pid, launcher: process.pid, port: PORT, root: ROOT }),
  );
  // A stop request for this script (Ctrl+C, npm run stop, a terminating npm) ends the server too.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (!ended) child.kill("SIGTERM");
    });
  }

  const status = await waitForServer(() => ended, fs.readFileSync(certificates.ca));
  if (status !== null) printInstructions({ pid: child.pid, certificates, status });
  const code = await exited;
  removePidFile(child.pid);
  return code;
}

async function main() {
  process.exitCode = hasDesktopExcel() ? await startWithDesktopExcel() : await startServerOnly();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
