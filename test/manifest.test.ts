/**
 * manifest.xml, checked offline (`npm run validate` needs Microsoft's web service): the shared
 * runtime is wired consistently, every resid resolves to a resource of the right kind, every
 * user-visible string has Chinese, icons exist at the sizes the manifest promises, and the
 * production copy points only at the public URL.
 */
import fs from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_URL, withPublicUrl } = require("../scripts/lib/addin-metadata.js") as {
  DEV_URL: string;
  withPublicUrl: (text: string, publicUrl: string) => string;
};

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_TEXT = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const PUBLIC_URL: string = PACKAGE.config.public_url;
const ZH = "zh-CN";
const HAN = /\p{Script=Han}/u;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown>;

/** fast-xml-parser's order-preserving output turned into a plain element tree. */
function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ":@")!;
  if (name === "#text" || name.startsWith("?")) return null;
  const content = node[name] as OrderedNode[];
  return {
    name,
    attributes: (node[":@"] as Record<string, string>) ?? {},
    children: content.map(toElement).filter((child): child is XmlElement => child !== null),
    text: content
      .filter((child) => "#text" in child)
      .map((child) => String(child["#text"]))
      .join("")
      .trim(),
  };
}

function parseManifest(text: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const root = (parser.parse(text) as OrderedNode[]).map(toElement).find((element) => element !== null);
  if (!root) throw new Error("manifest has no root element");
  return root;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/** The one child on the given path, e.g. child(officeApp, "DefaultSettings", "SourceLocation"). */
function child(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce((current, name) => {
    const matches = current.children.filter((candidate) => candidate.name === name);
    if (matches.length !== 1) {
      throw new Error(`<${current.name}> has ${matches.length} <${name}> children, expected 1`);
    }
    return matches[0];
  }, element);
}

function withType(elements: XmlElement[], type: string): XmlElement {
  const matches = elements.filter((element) => element.attributes["xsi:type"] === type);
  if (matches.length !== 1) {
    throw new Error(`expected one element of xsi:type ${type}, got ${matches.length}`);
  }
  return matches[0];
}

/** The zh-CN value of an element with <Override> or <bt:Override> children, if any. */
function chineseOverride(element: XmlElement): string | undefined {
  return element.children.find(
    (candidate) => /^(bt:)?Override$/.test(candidate.name) && candidate.attributes.Locale === ZH,
  )?.attributes.Value;
}

/** Children must appear in this relative order (the schema's xs:sequence); unknown names fail. */
function expectOrder(element: XmlElement, sequence: string[]) {
  const names = element.children.map((candidate) => candidate.name);
  expect(names.filter((name) => !sequence.includes(name))).toEqual([]);
  const positions = names.map((name) => sequence.indexOf(name));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const RESOURCE_KINDS = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Which resource table each resid-bearing element refers to. */
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "bt:Images",
  Runtime: "bt:Urls",
  SourceLocation: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Namespace: "bt:ShortStrings",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

/** Character limits from the manifest reference. */
const MAX_LENGTH: Partial<Record<ResourceKind, number>> = { "bt:ShortStrings": 125, "bt:LongStrings": 250 };

const officeApp = parseManifest(MANIFEST_TEXT);
const versionOverrides = child(officeApp, "VersionOverrides");
const host = child(versionOverrides, "Hosts", "Host");
const resources = child(versionOverrides, "Resources");
const resourceTables = Object.fromEntries(
  RESOURCE_KINDS.map((kind) => [
    kind,
    new Map(child(resources, kind).children.map((r) => [r.attributes.id, r])),
  ]),
) as Record<ResourceKind, Map<string, XmlElement>>;
const allResources = RESOURCE_KINDS.flatMap((kind) => child(resources, kind).children);
const residUsers = descendants(officeApp).filter((element) => element.attributes.resid !== undefined);

function resource(kind: ResourceKind, resid: string): XmlElement {
  const found = resourceTables[kind].get(resid);
  if (!found) throw new Error(`no ${kind} resource "${resid}"`);
  return found;
}

const urlOf = (resid: string) => resource("bt:Urls", resid).attributes.DefaultValue;
const customFunctions = withType(child(host, "AllFormFactors").children, "CustomFunctions");
const NAMESPACE_RESID = child(customFunctions, "Namespace").attributes.resid;
const desktop = child(host, "DesktopFormFactor");
const runtime = child(host, "Runtimes", "Runtime");
const showTaskpane = withType(descendants(desktop), "ShowTaskpane");

describe("manifest.xml structure", () => {
  it("is well-formed XML for a task pane add-in in Excel", () => {
    expect(XMLValidator.validate(MANIFEST_TEXT)).toBe(true);
    expect(officeApp.name).toBe("OfficeApp");
    expect(officeApp.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(child(officeApp, "Id").text).toMatch(GUID);
    expect(child(officeApp, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(officeApp, "DefaultLocale").text).toBe("en-US");
    expect(child(officeApp, "Hosts", "Host").attributes.Name).toBe("Workbook");
    expect(versionOverrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(host.attributes["xsi:type"]).toBe("Workbook");
  });

  it("keeps the element order the schema requires", () => {
    expectOrder(officeApp, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
      "ExtendedOverrides",
    ]);
    expectOrder(versionOverrides, ["Description", "Requirements", "Hosts", "Resources"]);
    expectOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"]);
    expectOrder(customFunctions, ["Script", "Page", "Metadata", "Namespace"]);
    expectOrder(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectOrder(resources, [...RESOURCE_KINDS]);
  });

  it("needs the shared runtime and custom functions, and may write to the workbook", () => {
    const sets = child(officeApp, "Requirements", "Sets").children.map((set) => set.attributes);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    expect(sets).toContainEqual({ Name: "CustomFunctionsRuntime", MinVersion: "1.1" });
    expect(child(officeApp, "Permissions").text).toBe("ReadWriteDocument");
  });
});

describe("manifest.xml resources", () => {
  it("defines each resource id once, in at most 32 characters", () => {
    const ids = allResources.map((r) => r.attributes.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids.filter((id) => !id || id.length > 32)).toEqual([]);
  });

  it("resolves every resid to a resource of the kind its element needs", () => {
    expect(residUsers.length).toBeGreaterThan(10);
    const problems = residUsers.flatMap(({ name, attributes: { resid } }) => {
      const kind = RESID_KIND[name];
      if (!kind) return [`<${name} resid="${resid}">: unexpected element with a resid`];
      return resourceTables[kind].has(resid) ? [] : [`<${name} resid="${resid}">: no ${kind} resource`];
    });
    expect(problems).toEqual([]);
  });

  it("uses every resource it defines", () => {
    const used = new Set(residUsers.map((element) => element.attributes.resid));
    expect(allResources.map((r) => r.attributes.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it("has a Chinese override for every string resource, within the length limits", () => {
    const problems = (["bt:ShortStrings", "bt:LongStrings"] as const).flatMap((kind) =>
      [...resourceTables[kind].values()].flatMap((string) => {
        const { id, DefaultValue } = string.attributes;
        const chinese = chineseOverride(string);
        const max = MAX_LENGTH[kind]!;
        return [
          !DefaultValue?.trim() ? `${id}: empty` : null,
          !chinese?.trim() ? `${id}: no ${ZH} override` : null,
          (DefaultValue?.length ?? 0) > max || (chinese?.length ?? 0) > max
            ? `${id}: longer than ${max}`
            : null,
          // The namespace is the one string that must not be translated (see the SVC namespace test).
          chinese && id !== NAMESPACE_RESID && !HAN.test(chinese) ? `${id}: ${ZH} is not Chinese` : null,
        ].filter((problem) => problem !== null);
      }),
    );
    expect(problems).toEqual([]);
  });

  it("uses https for every URL resource and override", () => {
    const urls = [...resourceTables["bt:Urls"].values(), ...resourceTables["bt:Images"].values()].flatMap(
      (r) => [r.attributes.DefaultValue, ...r.children.map((override) => override.attributes.Value)],
    );
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });
});

describe("manifest.xml shared runtime and custom functions", () => {
  const paneUrl = `${DEV_URL}taskpane.html`;

  it("runs the pane, the functions and the ribbon in one long-lived runtime on taskpane.html", () => {
    const residOf = (element: XmlElement) => element.attributes.resid;
    expect(runtime.attributes.lifetime).toBe("long");
    expect(urlOf(residOf(runtime))).toBe(paneUrl);
    expect(residOf(child(customFunctions, "Page", "SourceLocation"))).toBe(residOf(runtime));
    expect(residOf(child(desktop, "FunctionFile"))).toBe(residOf(runtime));
    expect(residOf(child(showTaskpane, "SourceLocation"))).toBe(residOf(runtime));
    expect(child(officeApp, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(paneUrl);
  });

  it("opens a single pane from a ribbon button, also with a workbook that asks for it", () => {
    // The reserved id: a workbook whose web-extension part sets Office.AutoShowTaskpaneWithDocument
    // (the templates do) opens this pane when it is opened.
    expect(child(showTaskpane, "TaskpaneId").text).toBe("Office.AutoShowTaskpaneWithDocument");
    expect(withType(descendants(desktop), "PrimaryCommandSurface")).toBeDefined();
  });

  it("loads functions.js and functions.json, with Chinese metadata for zh-CN", () => {
    expect(urlOf(child(customFunctions, "Script", "SourceLocation").attributes.resid)).toBe(
      `${DEV_URL}functions.js`,
    );
    const metadataResid = child(customFunctions, "Metadata", "SourceLocation").attributes.resid;
    const metadata = resource("bt:Urls", metadataResid);
    expect(metadata.attributes.DefaultValue).toBe(`${DEV_URL}functions.json`);
    expect(chineseOverride(metadata)).toBe(`${DEV_URL}functions-${ZH}.json`);
  });

  it("puts the functions in the SVC namespace in every language", () => {
    const namespace = resource("bt:ShortStrings", NAMESPACE_RESID);
    expect(namespace.attributes.DefaultValue).toBe("SVC");
    expect(chineseOverride(namespace) ?? "SVC").toBe("SVC");
  });
});

describe("manifest.xml listing and icons", () => {
  it("has a Chinese display name and description", () => {
    expect(chineseOverride(child(officeApp, "DisplayName"))).toBe("客服成本建模");
    expect(child(officeApp, "DisplayName").attributes.DefaultValue).toBe("Service cost modeller");
    expect(chineseOverride(child(officeApp, "Description"))).toMatch(HAN);
    expect(child(officeApp, "Description").attributes.DefaultValue.length).toBeGreaterThan(20);
  });

  it("links its support and learn-more pages to help pages in docs/, in Chinese for zh-CN", () => {
    const pages = [
      child(officeApp, "SupportUrl"),
      resource("bt:Urls", child(desktop, "GetStarted", "LearnMoreUrl").attributes.resid),
    ];
    for (const page of pages) {
      const english = page.attributes.DefaultValue;
      const chinese = chineseOverride(page);
      expect(english.startsWith(`${DEV_URL}docs/`)).toBe(true);
      expect(chinese?.startsWith(`${DEV_URL}docs/${ZH}/`)).toBe(true);
      for (const url of [english, chinese!]) {
        // scripts/lib/render-docs.js serves docs/**/README.md as index.html and other pages as .html.
        const source = url
          .slice(DEV_URL.length)
          .replace(/index\.html$/, "README.html")
          .replace(/\.html$/, ".md");
        expect({ url, exists: fs.existsSync(path.join(ROOT, source)) }).toEqual({ url, exists: true });
      }
    }
  });

  it("serves every icon from assets/ at the size the manifest states", () => {
    const sized: Array<[url: string, size: number]> = [
      [child(officeApp, "IconUrl").attributes.DefaultValue, 32],
      [child(officeApp, "HighResolutionIconUrl").attributes.DefaultValue, 64],
      ...descendants(host)
        .filter((element) => element.name === "bt:Image")
        .map((image): [string, number] => [
          resource("bt:Images", image.attributes.resid).attributes.DefaultValue,
          Number(image.attributes.size),
        ]),
    ];
    expect(sized.length).toBeGreaterThan(2);
    for (const [url, size] of sized) {
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(DEV_URL.length));
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });
});

describe("manifest.xml production copy", () => {
  const production = withPublicUrl(MANIFEST_TEXT, PUBLIC_URL);
  const base = PUBLIC_URL.endsWith("/") ? PUBLIC_URL : `${PUBLIC_URL}/`;
  /** Every URL a client would fetch: URL attributes and element text, not the xmlns identifiers. */
  const urls = descendants(parseManifest(production)).flatMap((element) => [
    ...Object.entries(element.attributes)
      .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
      .map(([, value]) => value),
    ...(/^[a-z]+:\/\//i.test(element.text) ? [element.text] : []),
  ]);

  it("has a public https URL configured", () => {
    expect(PUBLIC_URL).toMatch(/^https:\/\/[^/]+/);
    expect(PUBLIC_URL).not.toContain("localhost");
  });

  it("no longer mentions localhost", () => {
    expect(production).not.toContain("localhost");
  });

  it("points every URL at the public URL", () => {
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => !url.startsWith(base))).toEqual([]);
  });
});
