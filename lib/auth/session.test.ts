import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { userIdFromCookies } from "./session";

const SECRET = "a-session-secret-of-at-least-32-characters";
const NAME = "authjs.session-token";

async function sealed(uid: string, { secret = SECRET, salt = NAME, maxAge = 3600 } = {}): Promise<string> {
  return encode({ token: { sub: uid, uid, email: `${uid}@example.com` }, secret, salt, maxAge });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("userIdFromCookies", () => {
  it("reads the user id of a session sealed with the secret, among other cookies", async () => {
    const token = await sealed("user-1");
    expect(await userIdFromCookies(`theme=dark; ${NAME}=${token}; other=1`, SECRET)).toBe("user-1");
    // A second read of the same token (kept in memory) gives the same answer.
    expect(await userIdFromCookies(`${NAME}=${token}`, SECRET)).toBe("user-1");
  });

  it("reads the __Secure- cookie of https deployments", async () => {
    const name = `__Secure-${NAME}`;
    const token = await sealed("user-2", { salt: name });
    expect(await userIdFromCookies(`${name}=${token}`, SECRET)).toBe("user-2");
    // The same token under the other name was sealed for another cookie: it does not decrypt.
    expect(await userIdFromCookies(`${NAME}=${token}`, SECRET)).toBeNull();
  });

  it("is null without a session, for a token of another secret and for garbage", async () => {
    expect(await userIdFromCookies("theme=dark", SECRET)).toBeNull();
    const foreign = await sealed("user-3", { secret: "another-secret-of-at-least-32-characters!!" });
    expect(await userIdFromCookies(`${NAME}=${foreign}`, SECRET)).toBeNull();
    expect(await userIdFromCookies(`${NAME}=not.a.token`, SECRET)).toBeNull();
  });

  it("ends the session when the token expires, also when it was read before", async () => {
    const token = await sealed("user-4", { maxAge: 60 });
    expect(await userIdFromCookies(`${NAME}=${token}`, SECRET)).toBe("user-4");
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    expect(await userIdFromCookies(`${NAME}=${token}`, SECRET)).toBeNull();
  });
});
