/**
 * Entry of the custom-functions bundle. Each family file below is also an input of
 * custom-functions-metadata-plugin (see webpack.config.js), which generates functions.json and
 * appends the CustomFunctions.associate calls to that file.
 */
import "./costing";
import "./staffing";
import "./scorecard";
import "./value";
