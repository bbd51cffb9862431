/**
 * The package parts that tie a workbook to the add-in: a web extension (which add-in, and its
 * Office.context.document.settings as properties) and a task pane that shows it when the workbook
 * opens. Excel writes the same parts when an add-in saves settings in a workbook.
 *
 * A setting is stored as a property whose value is the JSON of the setting's value; the pane
 * stores its models as a JSON string, so that property holds the string JSON-encoded once more.
 */
import fs from "fs";
import path from "path";

export const PARTS = {
  webExtension: "xl/webextensions/webextension1.xml",
  taskpanes: "xl/webextensions/taskpanes.xml",
  taskpanesRels: "xl/webextensions/_rels/taskpanes.xml.rels",
} as const;

export const CONTENT_TYPES = {
  webExtension: "application/vnd.ms-office.webextension+xml",
  taskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
} as const;

export const RELATIONSHIPS = {
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webExtension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
} as const;

const NS = {
  we: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  wetp: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};

/** Which add-in the workbook refers to: the manifest's Id and Version. */
export interface AddinReference {
  id: string;
  version: string;
  /**
   * Where Office finds the add-in: "developer" / "Registry" is a sideloaded manifest (npm start).
   * An organisation that deploys the add-in otherwise (centralized deployment, a catalog) names
   * that store here instead; see templates/README.md.
   */
  store: string;
  storeType: string;
}

export function manifestReference(
  manifestPath = path.resolve(__dirname, "../../manifest.xml"),
): AddinReference {
  const xml = fs.readFileSync(manifestPath, "utf8");
  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(xml)?.[1];
  const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(xml)?.[1];
  if (!id || !version) throw new Error(`${manifestPath} has no <Id> or <Version>`);
  return { id, version, store: "developer", storeType: "Registry" };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** webextension1.xml. instanceId is the add-in instance's GUID in this workbook, in braces. */
export function webExtensionXml(
  instanceId: string,
  reference: AddinReference,
  settings: Record<string, unknown>,
): string {
  const properties = Object.entries(settings)
    .map(
      ([name, value]) =>
        `<we:property name="${escapeXml(name)}" value="${escapeXml(JSON.stringify(value))}"/>`,
    )
    .join("");
  const { id, version, store, storeType } = reference;
  return (
    DECLARATION +
    `<we:webextension xmlns:we="${NS.we}" id="${instanceId}">` +
    `<we:reference id="${escapeXml(id)}" version="${escapeXml(version)}" store="${escapeXml(store)}" storeType="${escapeXml(storeType)}"/>` +
    `<we:alternateReferences/>` +
    `<we:properties>${properties}</we:properties>` +
    `<we:bindings/>` +
    `<we:snapshot xmlns:r="${NS.r}"/>` +
    `</we:webextension>`
  );
}

/** taskpanes.xml: the add-in's pane, docked right and visible when the workbook opens. */
export function taskpanesXml(): string {
  return (
    DECLARATION +
    `<wetp:taskpanes xmlns:wetp="${NS.wetp}">` +
    `<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">` +
    `<wetp:webextensionref xmlns:r="${NS.r}" r:id="rId1"/>` +
    `</wetp:taskpane>` +
    `</wetp:taskpanes>`
  );
}

export function taskpanesRelsXml(): string {
  return (
    DECLARATION +
    `<Relationships xmlns="${NS.rels}">` +
    `<Relationship Id="rId1" Type="${RELATIONSHIPS.webExtension}" Target="webextension1.xml"/>` +
    `</Relationships>`
  );
}
