/**
 * Runs the end-to-end tests against the production build in dist/:
 *   node test/e2e/run.mjs [file.e2e.mjs ...]     (npm run test:e2e builds first)
 *
 * Serves dist/ once and hands its URL to every test file through E2E_BASE_URL; the files run
 * under node's test runner, each with its own browser. Exits non-zero when a test fails, when the
 * prerequisites are missing, or when the whole run exceeds E2E_RUN_TIMEOUT_MS.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkPrerequisites } from "./browser.mjs";
import { startServer } from "./server.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUN_TIMEOUT_MS = Number(process.env.E2E_RUN_TIMEOUT_MS ?? 10 * 60_000);
/** Node's --test-timeout bounds each file's whole run here (process isolation); tests set their own. */
const FILE_TIMEOUT_MS = 5 * 60_000;

function testFiles(requested) {
  if (requested.length > 0) return requested.map((file) => path.resolve(file));
  return readdirSync(HERE)
    .filter((file) => file.endsWith(".e2e.mjs"))
    .sort()
    .map((file) => path.join(HERE, file));
}

async function main() {
  try {
    checkPrerequisites();
  } catch (error) {
    console.error(`e2e: ${error.message}`);
    return 2;
  }
  const files = testFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error(`e2e: no *.e2e.mjs files in ${HERE}`);
    return 2;
  }

  const server = await startServer();
  console.log(`e2e: serving dist/ at ${server.url}`);
  const child = spawn(
    process.execPath,
    ["--test", "--test-reporter=spec", `--test-timeout=${FILE_TIMEOUT_MS}`, ...files],
    { stdio: "inherit", env: { ...process.env, E2E_BASE_URL: server.url } },
  );

  // Ctrl-C or a CI cancellation stops the tests (and so their browsers) before the server goes.
  const stop = (signal) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const watchdog = setTimeout(() => {
    console.error(`e2e: the run took longer than ${RUN_TIMEOUT_MS} ms; stopping it`);
    child.kill("SIGTERM");
  }, RUN_TIMEOUT_MS);

  const code = await new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`e2e: could not start node --test: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  clearTimeout(watchdog);
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  await server.close();
  return code;
}

process.exitCode = await main();
