/**
 * `npm run stop`: undoes `npm start`.
 * - Windows and macOS: office-addin-debugging stops the dev server and removes the sideloaded add-in.
 * - Elsewhere: stops the dev server that scripts/start.mjs recorded in its PID file, and nothing else.
 */
import fs from "node:fs";
import {
  MANIFEST,
  PID_FILE,
  exitCodeOf,
  hasDesktopExcel,
  isRunning,
  readPidFile,
  spawnPackageBin,
} from "./start.mjs";

const GRACE_MS = 10_000;

/** Guards against a recycled PID: on Linux the recorded process must still be webpack. */
function isDevServer(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("webpack");
  } catch {
    return !fs.existsSync("/proc"); // no procfs to ask: trust the PID file
  }
}

async function waitUntilStopped(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  return !isRunning(pid);
}

async function stopRecordedServer() {
  const record = readPidFile();
  if (!record) {
    console.log(`No dev server started by npm start is recorded (${PID_FILE}); nothing to stop.`);
    return 0;
  }
  const { pid, port } = record;
  if (!isRunning(pid) || !isDevServer(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log(`The recorded dev server (PID ${pid}) is no longer running; removed ${PID_FILE}.`);
    return 0;
  }
  process.kill(pid, "SIGTERM");
  if (!(await waitUntilStopped(pid, GRACE_MS))) {
    console.log(`The dev server (PID ${pid}) did not stop within ${GRACE_MS / 1000} s; killing it.`);
    process.kill(pid, "SIGKILL");
    await waitUntilStopped(pid, GRACE_MS);
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Stopped the dev server on https://localhost:${port}/ (PID ${pid}).`);
  return 0;
}

process.exitCode = hasDesktopExcel()
  ? await exitCodeOf(spawnPackageBin("office-addin-debugging", ["stop", MANIFEST]))
  : await stopRecordedServer();
