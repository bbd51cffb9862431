/**
 * The pane's view of the Office host. Every read is guarded so the pane also renders in a plain
 * browser and in tests, where Office.js is absent or not initialised.
 */

export type ThemeKind = "light" | "dark";

/** A value from Office.context; undefined when Office is absent, not initialised, or the read throws. */
function fromContext<T>(read: (context: Office.Context) => T): T | undefined {
  try {
    return typeof Office === "undefined" || !Office.context ? undefined : read(Office.context);
  } catch {
    return undefined; // some hosts throw for a property they do not support
  }
}

/** Resolves once Office.js has initialised, or at once when the page runs outside Office. */
export async function whenOfficeReady(): Promise<void> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  await Office.onReady();
}

/** The host's UI language, e.g. "zh-CN"; undefined outside Office. */
export function displayLanguage(): string | undefined {
  return fromContext((context) => context.displayLanguage) || undefined;
}

/**
 * Below this relative luminance white text contrasts more than black text does
 * ((L + 0.05)^2 = 1.05 x 0.05), which is what makes a background "dark".
 */
const DARK_BELOW = Math.sqrt(1.05 * 0.05) - 0.05;

/** Whether the Office theme is dark, judged from its body background; light when unknown. */
export function officeTheme(): ThemeKind {
  const background = fromContext((context) => context.officeTheme?.bodyBackgroundColor);
  const luminance = background === undefined ? undefined : relativeLuminance(background);
  return luminance !== undefined && luminance < DARK_BELOW ? "dark" : "light";
}

/** WCAG relative luminance of "#rgb" or "#rrggbb"; undefined for anything else. */
export function relativeLuminance(color: string): number | undefined {
  const hex = color.trim().replace(/^#/, "");
  if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  const [red, green, blue] = [0, 2, 4].map((start) =>
    linearChannel(parseInt(full.slice(start, start + 2), 16)),
  );
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function linearChannel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}
