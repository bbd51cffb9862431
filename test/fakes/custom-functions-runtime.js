/**
 * A stand-in for Excel's CustomFunctions runtime, installed on globalThis. Jest uses it for the
 * function tests; the end-to-end fake Office host loads the same file into the page, so both see
 * one definition. `associate` records registrations so tests can call what the bundle registered.
 */
(function install(root) {
  const ErrorCode = {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  };
  const withMessage = new Set([ErrorCode.invalidValue, ErrorCode.notAvailable]);

  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message ?? code);
      if (!Object.values(ErrorCode).includes(code)) throw new TypeError(`unknown error code ${code}`);
      // Excel rejects a custom message on codes that cannot show one; fail loudly here too.
      if (message !== undefined && !withMessage.has(code))
        throw new TypeError(`${code} cannot carry a message`);
      this.code = code;
      this.message = message;
    }
  }

  const registered = new Map();
  root.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode,
    associate(id, fn) {
      if (typeof id === "object") {
        for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
      } else {
        registered.set(String(id).toUpperCase(), fn);
      }
    },
    /** Test helper, not part of Excel's API: the functions associated so far, by id. */
    __registered: registered,
  };
})(typeof window !== "undefined" ? window : globalThis);
