/**
 * Build-time transforms of the add-in's metadata, shared by webpack.config.js and the tests:
 * - localizedMetadata: functions-zh-CN.json from the generated functions.json and src/i18n;
 * - missingTranslations: what a dictionary lacks for a given functions.json;
 * - withPublicUrl: the production copy of a file, with the dev server's URL replaced.
 */
const DEV_URL = "https://localhost:3000/";

/** Help pages live under docs/ for English and docs/<locale>/ for other languages. */
function localizedHelpUrl(helpUrl, locale) {
  return helpUrl ? helpUrl.replace("/docs/functions/", `/docs/${locale}/functions/`) : helpUrl;
}

function missingTranslations(metadata, dictionary) {
  const missing = [];
  for (const fn of metadata.functions) {
    const entry = dictionary[fn.id];
    if (!entry?.name?.trim()) missing.push(`${fn.id}: name`);
    if (!entry?.description?.trim()) missing.push(`${fn.id}: description`);
    for (const param of fn.parameters) {
      const p = entry?.parameters?.[param.name];
      if (!p?.name?.trim()) missing.push(`${fn.id}.${param.name}: name`);
      if (!p?.description?.trim()) missing.push(`${fn.id}.${param.name}: description`);
    }
  }
  for (const id of Object.keys(dictionary)) {
    if (!metadata.functions.some((fn) => fn.id === id)) missing.push(`${id}: translated but not a function`);
  }
  return missing;
}

/** functions.json translated; ids and parameter order stay as generated. Throws on any gap. */
function localizedMetadata(metadata, dictionary, locale) {
  const missing = missingTranslations(metadata, dictionary);
  if (missing.length > 0) {
    throw new Error(`${locale} function metadata is incomplete:\n  ${missing.join("\n  ")}`);
  }
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const entry = dictionary[fn.id];
      return {
        ...fn,
        name: entry.name,
        description: entry.description,
        helpUrl: localizedHelpUrl(fn.helpUrl, locale),
        parameters: fn.parameters.map((param) => ({
          ...param,
          name: entry.parameters[param.name].name,
          description: entry.parameters[param.name].description,
        })),
      };
    }),
  };
}

/** The production copy of a text asset: every dev-server URL points at the public host instead. */
function withPublicUrl(text, publicUrl) {
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  return text.split(DEV_URL).join(base);
}

module.exports = { DEV_URL, localizedHelpUrl, missingTranslations, localizedMetadata, withPublicUrl };
