// The mapping between descriptors and registrations: every official example becomes a valid registration, and an
// unchanged registration exports its document back unchanged.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OutputPortInput, ProductInput, toUrlName } from "../products/input";
import { importDescriptor, portToOdcs, productToOdps, type DescriptorKind } from "./index";
import {
  descriptorToRegistration,
  normalizeVersion,
  portToDescriptor,
  portToRegistration,
  registrationToDescriptor,
} from "./registration";

const root = path.join(import.meta.dirname, "fixtures");
const fixtures = (kind: DescriptorKind) =>
  readdirSync(path.join(root, kind))
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(root, kind, file), "utf8") }));

const options = {
  path: { domain: "podcasts", name: "listeners" },
  current: null,
  defaultOwningTeam: "podcasts",
  teamExists: (name: string) => name === "podcasts",
};

describe("normalizeVersion", () => {
  it.each([
    ["v1.0.0", "1.0.0"],
    ["2.1", "2.1.0"],
    ["3", "3.0.0"],
    ["1.2.3-rc.1", "1.2.3-rc.1"],
    ["latest", undefined],
  ])("%s → %s", (text, expected) => expect(normalizeVersion(text)).toBe(expected));
});

describe.each([...fixtures("odps"), ...fixtures("dcs")])("product example $file", ({ text }) => {
  const imported = importDescriptor(text);
  if (imported.kind === "odcs") throw new Error("not a product");

  it("maps to a valid registration", () => {
    const { registration } = descriptorToRegistration(imported.product, options);
    const parsed = ProductInput.safeParse(registration);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  if (imported.kind === "odps") {
    it("exports its document unchanged when nothing changed (adding only the facts it left out)", () => {
      const { domain, name, owningTeam } = imported.product;
      const values = ProductInput.parse(
        descriptorToRegistration(imported.product, {
          ...options,
          path: { domain: domain ?? "podcasts", name },
          teamExists: (team) => team === toUrlName(owningTeam ?? ""),
        }).registration,
      );
      const product = registrationToDescriptor(values, imported.product.status, imported.product);
      const exported = productToOdps(product, imported.document);
      // Every field of the document is kept; Hexmesh adds its domain, team and archetype when the document has none.
      expect(exported).toMatchObject(imported.document);
      expect(
        Object.keys(exported)
          .filter((key) => !(key in imported.document))
          .sort(),
      ).toEqual(["customProperties", "domain", "team"].filter((key) => !(key in imported.document)));
    });
  }
});

describe.each(fixtures("odcs"))("contract example $file", ({ text }) => {
  const imported = importDescriptor(text);
  if (imported.kind !== "odcs") throw new Error("not ODCS");

  it("maps to a valid port that exports the same contract", () => {
    const port = OutputPortInput.safeParse(portToRegistration(imported.port, undefined));
    expect(port.error?.issues ?? []).toEqual([]);
    const context = { ...imported.context, name: "listeners" };
    expect(portToOdcs(portToDescriptor(port.data!, imported.port), context, imported.document)).toEqual(
      imported.document,
    );
  });
});

describe("a changed registration", () => {
  it("writes the change into the original document and keeps the rest", () => {
    const [{ text }] = fixtures("odps").filter((f) => f.file.startsWith("customer"));
    const imported = importDescriptor(text);
    if (imported.kind !== "odps") throw new Error("not ODPS");
    const values = ProductInput.parse(descriptorToRegistration(imported.product, options).registration);
    const exported = productToOdps(
      registrationToDescriptor({ ...values, purpose: "A new purpose." }, "draft", imported.product),
      imported.document,
    );
    expect((exported.description as Record<string, unknown>).purpose).toBe("A new purpose.");
    expect(exported.id).toBe(imported.document.id);
  });
});
