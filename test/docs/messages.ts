/**
 * Which error messages the engine can show, as patterns: every message template of
 * src/engine/core/messages.ts rendered with placeholders for the argument, values and places, so
 * that a message quoted on a help page can be checked against the catalogue it comes from.
 */
import fs from "fs";
import path from "path";
import {
  type Locale,
  type MessageKey,
  type MessageParams,
  REASONS,
  renderMessage,
  RULES,
} from "../../src/engine/core/messages";

const MESSAGES_SOURCE = path.resolve(__dirname, "../../src/engine/core/messages.ts");

/** The template keys, read from the catalogue's source (the object itself is not exported). */
export function messageKeys(): MessageKey[] {
  const source = fs.readFileSync(MESSAGES_SOURCE, "utf8");
  const body = /const TEMPLATES = \{([\s\S]*?)\n\} satisfies/.exec(source)?.[1] ?? "";
  return [...body.matchAll(/^ {2}(\w+): \(/gm)].map((match) => match[1] as MessageKey);
}

// Placeholders that survive rendering and escaping: private-use characters no message contains.
const ANY = "\uE000";
const NUMBER = "\uE001";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern per way a template can render: with or without a place and a value, each rule and reason. */
export function messagePatterns(locale: Locale): RegExp[] {
  const places: MessageParams[] = [
    {},
    { row: NUMBER as unknown as number },
    { column: NUMBER as unknown as number },
    { row: NUMBER as unknown as number, column: NUMBER as unknown as number },
  ];
  const sources = new Set<string>();
  for (const key of messageKeys()) {
    for (const rule of Object.keys(RULES) as (keyof typeof RULES)[]) {
      for (const reason of Object.keys(REASONS) as (keyof typeof REASONS)[]) {
        for (const other of ["repeat", ANY]) {
          for (const place of places) {
            for (const actual of [ANY, undefined]) {
              const text = renderMessage(
                key,
                { arg: ANY, limit: ANY, shape: ANY, otherShape: ANY, rule, reason, other, actual, ...place },
                locale,
              );
              sources.add(
                escape(text)
                  .replace(/\uE000/g, ".+")
                  .replace(/\uE001/g, "\\d+"),
              );
            }
          }
        }
      }
    }
  }
  return [...sources].map((source) => new RegExp(`^${source}$`));
}
