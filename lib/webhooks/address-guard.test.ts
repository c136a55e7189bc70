import { describe, expect, it } from "vitest";
import { blockedReason, checkWebhookUrl, guardedLookup, parseNetworks } from "./address-guard";

describe("blockedReason", () => {
  it("lets public unicast addresses through", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) {
      expect(blockedReason(address, [])).toBeNull();
    }
  });

  it("refuses private, loopback, link-local and other non-public addresses, saying which", () => {
    expect(blockedReason("10.1.2.3", [])).toBe(
      "10.1.2.3 is in a private network: webhooks may not reach it (a platform admin can allow its network with WEBHOOK_ALLOWED_NETWORKS).",
    );
    expect(blockedReason("192.168.0.10", [])).toMatch(/private network/);
    expect(blockedReason("127.0.0.1", [])).toMatch(/loopback/);
    expect(blockedReason("169.254.169.254", [])).toMatch(/link-local/);
    expect(blockedReason("::1", [])).toMatch(/loopback/);
    expect(blockedReason("fd00::1", [])).toMatch(/private network/);
    expect(blockedReason("0.0.0.0", [])).toMatch(/unspecified/);
    expect(blockedReason("::ffff:10.0.0.1", [])).toMatch(/private network/);
    expect(blockedReason("100.64.0.1", [])).toMatch(/carrier-grade NAT/);
  });

  it("lets the allowed networks through", () => {
    const allowed = parseNetworks("10.20.0.0/16, 127.0.0.1/32");
    expect(blockedReason("10.20.5.6", allowed)).toBeNull();
    expect(blockedReason("127.0.0.1", allowed)).toBeNull();
    expect(blockedReason("10.21.0.1", allowed)).toMatch(/private network/);
    expect(blockedReason("127.0.0.2", allowed)).toMatch(/loopback/);
  });
});

describe("parseNetworks", () => {
  it("reads CIDRs separated by commas and refuses anything else", () => {
    expect(parseNetworks("")).toEqual([]);
    expect(parseNetworks(" 10.0.0.0/8 ,fd00::/8 ")).toHaveLength(2);
    expect(() => parseNetworks("10.0.0.0")).toThrow();
    expect(() => parseNetworks("not-a-network/8")).toThrow();
  });
});

describe("checkWebhookUrl", () => {
  it("checks a host written as an address, and a name as it resolves", async () => {
    expect(await checkWebhookUrl("http://169.254.169.254/latest/meta-data", [])).toMatch(/link-local/);
    expect(await checkWebhookUrl("http://[::1]:8080/hook", [])).toMatch(/loopback/);
    expect(await checkWebhookUrl("http://localhost:8080/hook", [])).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1), which is on this machine \(loopback\): webhooks may not/,
    );
    expect(await checkWebhookUrl("http://localhost:8080/hook", parseNetworks("127.0.0.0/8, ::1/128"))).toBeNull();
    expect(await checkWebhookUrl("https://93.184.216.34/hook", [])).toBeNull();
    // A name that does not resolve now is let through (each delivery checks again).
    expect(await checkWebhookUrl("https://no-such-host.invalid/hook", [])).toBeNull();
  });
});

describe("guardedLookup", () => {
  it("fails the connection of a name resolving to a refused address", async () => {
    const lookup = guardedLookup([]);
    const error = await new Promise<Error | null>((resolve) =>
      lookup("localhost", { family: 0 }, (err) => resolve(err)),
    );
    expect(error?.name).toBe("BlockedAddressError");
    expect(error?.message).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1), which is on this machine \(loopback\): webhooks may not/,
    );
  });

  it("resolves a name of an allowed network like dns.lookup", async () => {
    const lookup = guardedLookup(parseNetworks("127.0.0.0/8, ::1/128"));
    const address = await new Promise<string>((resolve, reject) =>
      lookup("localhost", { family: 4 }, (err, result) => (err ? reject(err) : resolve(result as string))),
    );
    expect(address).toBe("127.0.0.1");
  });
});
