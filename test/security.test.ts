import assert from "node:assert/strict";
import http from "node:http";
import { describe, it } from "node:test";
import { redactChanges } from "../lib/audit";
import { addressGroup, clientAddress, SOCKET_ADDRESS_HEADER } from "../lib/net/client-address";
import { contentSecurityPolicy, sameOrigin } from "../lib/net/security-headers";
import { installSocketAddressHook } from "../lib/net/socket-address-hook";

describe("client address", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("uses the socket's address and ignores X-Forwarded-For unless proxies are trusted", () => {
    const h = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-for": "203.0.113.9, 10.0.0.1" });
    assert.equal(clientAddress(h, 0), "10.0.0.5");
  });

  it("takes the n-th X-Forwarded-For entry from the right, never the client-chosen leftmost one", () => {
    // The client sent "6.6.6.6"; proxy A appended the client's real address, proxy B appended A's.
    const h = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.1" });
    assert.equal(clientAddress(h, 1), "10.0.0.1");
    assert.equal(clientAddress(h, 2), "198.51.100.7");
    assert.equal(clientAddress(h, 3), "6.6.6.6");
    // Fewer entries than trusted proxies: the header is not what the proxies would send.
    assert.equal(clientAddress(h, 4), "10.0.0.2");
  });

  it("reads ports and brackets off, and refuses entries that are not addresses", () => {
    assert.equal(clientAddress(headers({ "x-forwarded-for": "203.0.113.9:5555" }), 1), "203.0.113.9");
    assert.equal(clientAddress(headers({ "x-forwarded-for": "[2001:db8::1]:443" }), 1), "2001:db8::1");
    assert.equal(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "::1", "x-forwarded-for": "evil' or 1=1" }), 1), "::1");
  });

  it("falls back to the socket when a trusted proxy sent no header, and bounds the length", () => {
    assert.equal(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "::1" }), 1), "::1");
    assert.equal(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "::1", "x-forwarded-for": "x".repeat(500) }), 1), "::1");
    assert.equal(clientAddress(headers({}), 0), "unknown");
  });

  it("groups IPv6 addresses by /64 and unwraps IPv4-mapped ones", () => {
    assert.equal(addressGroup("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
    assert.equal(addressGroup("2001:db8:1:2::1"), addressGroup("2001:0db8:0001:0002:ffff::9"));
    assert.notEqual(addressGroup("2001:db8:1:2::1"), addressGroup("2001:db8:1:3::1"));
    assert.equal(addressGroup("2001:db8::1"), "2001:db8:0:0::/64");
    assert.equal(addressGroup("::ffff:192.0.2.1"), "192.0.2.1");
    assert.equal(addressGroup("192.0.2.1"), "192.0.2.1");
  });

  it("stamps each request with its socket address, overwriting what the client sent", async () => {
    installSocketAddressHook();
    const server = http.createServer((req, res) => res.end(String(req.headers[SOCKET_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6" } });
      assert.equal(await res.text(), "127.0.0.1");
    } finally {
      server.close();
    }
  });
});

describe("security headers", () => {
  it("allows scripts only with the nonce, no eval in production, and no framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
    assert.match(csp, /script-src 'self' 'nonce-abc123' 'strict-dynamic'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /upgrade-insecure-requests/);
    assert.match(contentSecurityPolicy("n", { dev: true, https: false }), /unsafe-eval/);
  });

  it("accepts only this site's Origin", () => {
    assert.equal(sameOrigin("http://localhost:3000", "localhost:3000"), true);
    assert.equal(sameOrigin("https://admin.example.com", "internal:3000", ["https://admin.example.com"]), true);
    for (const bad of [null, "null", "http://evil.example", "http://localhost:3000.evil.example", "not a url"]) {
      assert.equal(sameOrigin(bad, "localhost:3000"), false, String(bad));
    }
  });
});

describe("audit redaction", () => {
  it("never keeps a password, hash or stamp value", () => {
    const out = redactChanges({
      password: { before: null, after: "hunter2-secret" },
      passwordHash: { before: "$2a$12$abc", after: "$2a$12$def" },
      securityStamp: { before: "s1", after: "s2" },
      name: { before: "A", after: "B" },
    });
    assert.doesNotMatch(JSON.stringify(out), /hunter2|\$2a\$|s1|s2/);
    assert.deepEqual(out.name, { before: "A", after: "B" });
  });
});
