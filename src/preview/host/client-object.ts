/**
 * Excel's proxy-object rules, shared by every fake Excel object: load() only asks for properties,
 * context.sync() fetches them (and applies queued writes) in order, and reading a property that
 * was neither loaded and synced nor set throws PropertyNotLoaded.
 */
import { copyData } from "./sheet-model";
import { ErrorCodes, fail } from "./errors";
import type { PreviewWorkbook } from "./workbook";

/** What a proxy needs of its request context. */
export interface Batch {
  readonly host: PreviewWorkbook;
  enqueue(operation: () => void): void;
  /** A Worksheet proxy for the sheet the binding finds (ranges, tables and charts navigate to it). */
  worksheet(sheet: Binding<number>): ClientObject;
}

export type LoadOption = string | string[] | { select?: string | string[] };

/** "a, b/c" or ["a", "b/c"] or { select: ... } -> ["a", "b/c"]. */
export function loadPaths(option: LoadOption | undefined): string[] | undefined {
  if (option === undefined) return undefined;
  const list = typeof option === "string" || Array.isArray(option) ? option : option.select;
  if (list === undefined) return undefined;
  return (Array.isArray(list) ? list : list.split(",")).map((path) => path.trim()).filter(Boolean);
}

/**
 * A proxy bound to one object at the first sync that needs it, as Excel binds getItem("Sheet1")
 * to that sheet even if it is renamed later in the batch.
 */
export class Binding<T> {
  private value: T | undefined;

  constructor(
    private readonly find: () => T | undefined,
    private readonly missing: string,
    private readonly stillThere: (value: T) => boolean = () => true,
  ) {}

  static to<T>(value: T, stillThere?: (value: T) => boolean): Binding<T> {
    const binding = new Binding<T>(() => undefined, "The object no longer exists.", stillThere);
    binding.value = value;
    return binding;
  }

  tryGet(): T | undefined {
    this.value ??= this.find();
    return this.value !== undefined && this.stillThere(this.value) ? this.value : undefined;
  }

  get(): T {
    return this.tryGet() ?? fail(ErrorCodes.itemNotFound, this.missing);
  }

  /** For objects created by a queued add(): bound when that operation runs. */
  bind(value: T): void {
    this.value = value;
  }
}

/** Memoizes a computation run at sync time; failures are not memoized. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

type Reader = () => unknown;

export abstract class ClientObject {
  private readonly fetched = new Map<string, unknown>();
  private readonly children = new Map<string, ClientObject>();
  private nullState: boolean | undefined;

  /** nullable: made by a *OrNullObject method; whether it exists is found at the next sync. */
  protected constructor(
    protected readonly batch: Batch,
    private readonly typeName: string,
    private readonly nullable = false,
  ) {
    if (nullable) batch.enqueue(() => void (this.nullState = !this.exists()));
  }

  /** Scalar properties load() can fetch, each read when the batch syncs. */
  protected abstract properties(): Record<string, Reader>;

  /** Child objects through which paths like "worksheet/name" load. */
  protected child(name: string): ClientObject | undefined {
    void name;
    return undefined;
  }

  /** Whether the object this proxy stands for exists (for *OrNullObject). */
  protected exists(): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) this.notLoaded("isNullObject");
    return this.nullState as boolean;
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option) ?? Object.keys(this.properties());
    for (const path of paths) this.checkPath(path);
    this.batch.enqueue(() => this.fetch(paths));
    return this;
  }

  /** Plain data of what was loaded, as Excel's toJSON() gives. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.fetched);
  }

  /** Reads the paths now; runs inside a sync. */
  fetch(paths: string[]): void {
    if (this.nullable && this.nullState) return;
    const properties = this.properties();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      const child = this.child(head);
      if (child) child.fetch(rest.length > 0 ? [rest.join("/")] : Object.keys(child.properties()));
      else this.fetched.set(head, copyData(properties[head]()));
    }
  }

  protected checkPath(path: string): void {
    const [head, ...rest] = path.split("/");
    const child = this.child(head);
    if (child) {
      if (rest.length > 0) child.checkPath(rest.join("/"));
    } else if (!(head in this.properties()) || rest.length > 0) {
      fail(ErrorCodes.invalidArgument, `${this.typeName} has no property "${path}" in the preview host.`);
    }
  }

  /** A navigation property: one proxy per parent, as office.js keeps it, so its loads stay with it. */
  protected navigate<T extends ClientObject>(name: string, make: () => T): T {
    let child = this.children.get(name);
    if (!child) this.children.set(name, (child = make()));
    return child as T;
  }

  /** A loaded (or locally set) property; PropertyNotLoaded otherwise. */
  protected read<T>(name: string): T {
    if (!this.fetched.has(name)) this.notLoaded(name);
    return this.fetched.get(name) as T;
  }

  /** Queues a write and, as office.js does, keeps the value for reading back. */
  protected write(name: string, value: unknown, apply: () => void): void {
    this.fetched.set(name, copyData(value));
    this.batch.enqueue(apply);
  }

  private notLoaded(name: string): never {
    return fail(
      ErrorCodes.propertyNotLoaded,
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${this.typeName}.${name}`,
    );
  }
}

/** A collection: load("items/name") fetches the current items with those properties. */
export abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  private fetchedItems: T[] | undefined;

  protected abstract itemProxies(): T[];
  protected abstract itemProperties(): string[];

  get items(): T[] {
    if (!this.fetchedItems) this.read("items");
    return this.fetchedItems as T[];
  }

  override load(option?: LoadOption): this {
    const paths = loadPaths(option) ?? ["items"];
    const own = Object.keys(this.properties()).filter((name) => name !== "items");
    const itemPaths: string[] = [];
    let wantsItems = false;
    for (const path of paths) {
      if (own.includes(path)) continue;
      wantsItems = true;
      const itemPath = path === "items" ? undefined : path.startsWith("items/") ? path.slice(6) : path;
      if (itemPath !== undefined) itemPaths.push(itemPath);
    }
    for (const path of itemPaths) {
      if (!this.itemProperties().includes(path.split("/")[0])) {
        fail(
          ErrorCodes.invalidArgument,
          `Items of this collection have no property "${path}" in the preview host.`,
        );
      }
    }
    const ownPaths = paths.filter((path) => own.includes(path));
    this.batch.enqueue(() => {
      this.fetch(ownPaths);
      if (!wantsItems) return;
      this.fetchedItems = this.itemProxies();
      const fetchPaths = itemPaths.length > 0 ? itemPaths : this.itemProperties();
      for (const item of this.fetchedItems) item.fetch(fetchPaths);
    });
    return this;
  }

  protected properties(): Record<string, Reader> {
    return { items: () => undefined, count: () => this.itemProxies().length };
  }

  get count(): number {
    return this.read("count");
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      ...(this.fetchedItems ? { items: this.fetchedItems.map((item) => item.toJSON()) } : {}),
    };
  }
}

/** What getCount() and similar methods return: the value is there after sync. */
export class ClientResult<T> {
  private result: { value: T } | undefined;

  constructor(batch: Batch, compute: () => T) {
    batch.enqueue(() => void (this.result = { value: compute() }));
  }

  get value(): T {
    if (!this.result) {
      fail(ErrorCodes.propertyNotLoaded, "The value of this result is available only after context.sync().");
    }
    return this.result.value;
  }
}
