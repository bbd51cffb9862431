/**
 * HTTPS certificates for the dev server: the localhost certificate and CA that office-addin-dev-certs
 * keeps in ~/.office-addin-dev-certs (ca.crt, localhost.crt, localhost.key).
 *
 * On Windows and macOS the library's getHttpsServerOptions() also installs and trusts the CA, which
 * Excel desktop needs. On Linux that step runs sudo and desktop tooling and fails on a headless
 * machine, and there is no desktop Excel to trust it anyway: there we only generate the files
 * (again when missing, expired or inconsistent) and leave trusting the CA to the developer, as
 * scripts/start.mjs explains.
 */
const crypto = require("crypto");
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

const certificatePaths = {
  directory: defaults.certificateDirectory,
  ca: defaults.caCertificatePath,
  cert: defaults.localhostCertificatePath,
  key: defaults.localhostKeyPath,
};

/** Renew a day early so that a long-running dev server does not cross the expiry date. */
const RENEWAL_MARGIN_MS = 24 * 60 * 60 * 1000;

/** Whether the installer handles trust on this platform (see the header comment). */
function libraryInstallsCertificates(platform = process.platform) {
  return platform === "win32" || platform === "darwin";
}

function readCertificateFiles() {
  return {
    ca: fs.readFileSync(certificatePaths.ca),
    cert: fs.readFileSync(certificatePaths.cert),
    key: fs.readFileSync(certificatePaths.key),
  };
}

/** Why the files on disk cannot serve https://localhost, or null when they can. */
function certificateProblem(now = Date.now()) {
  let files;
  try {
    files = readCertificateFiles();
  } catch {
    return "missing";
  }
  try {
    const ca = new crypto.X509Certificate(files.ca);
    const cert = new crypto.X509Certificate(files.cert);
    const renewBy = now + RENEWAL_MARGIN_MS;
    for (const [name, x509] of Object.entries({ CA: ca, localhost: cert })) {
      if (Date.parse(x509.validFrom) > now) return `${name} certificate not yet valid`;
      if (Date.parse(x509.validTo) < renewBy) return `${name} certificate expired or about to expire`;
    }
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return "certificate not issued by the CA";
    if (!cert.checkPrivateKey(crypto.createPrivateKey(files.key))) return "key does not match";
    if (!cert.checkHost("localhost")) return "certificate does not cover localhost";
    return null;
  } catch (error) {
    return `unreadable (${error.message})`;
  }
}

/**
 * Generates the certificates unless usable ones exist, without installing the CA.
 * Returns { ...certificatePaths, generated } so callers can tell the developer to trust a new CA.
 */
async function ensureCertificateFiles() {
  const problem = certificateProblem();
  if (problem === null) return { ...certificatePaths, generated: false };
  // generateCertificates() never overwrites an existing ca.crt, so clear out a stale set first.
  devCerts.deleteCertificateFiles(certificatePaths.directory);
  await devCerts.generateCertificates();
  // The library writes the private key world-readable; only its owner needs it.
  fs.chmodSync(certificatePaths.key, 0o600);
  if (problem !== "missing") console.log(`Replaced the development certificates (${problem}).`);
  return { ...certificatePaths, generated: true };
}

/** { key, cert, ca } for webpack-dev-server's https server. */
async function devServerHttps() {
  if (libraryInstallsCertificates()) return devCerts.getHttpsServerOptions();
  await ensureCertificateFiles();
  return readCertificateFiles();
}

module.exports = {
  certificatePaths,
  certificateProblem,
  devServerHttps,
  ensureCertificateFiles,
  libraryInstallsCertificates,
};
