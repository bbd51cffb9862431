// Every Jest test runs with the fake CustomFunctions runtime in place, as the add-in does in Excel.
require("../fakes/custom-functions-runtime.js");
