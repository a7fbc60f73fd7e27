import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { authRedirect, keepOnSite, redirectOnSite, siteLocation } from "../lib/net/site-url";

const listen = "http://localhost:3000";

describe("redirects stay on the site", () => {
  afterEach(() => delete process.env.AUTH_URL);

  it("are paths without AUTH_URL, and on AUTH_URL's origin with it", () => {
    assert.equal(siteLocation("/login?callbackUrl=%2Fadmin"), "/login?callbackUrl=%2Fadmin");
    assert.equal(redirectOnSite("/login").headers.get("location"), "/login");
    process.env.AUTH_URL = "https://admin.example.com/api/auth";
    assert.equal(siteLocation("/login"), "https://admin.example.com/login");
  });

  it("never leave for another origin", () => {
    for (const target of ["//evil.example/x", "https://evil.example/admin", "javascript:alert(1)"]) {
      assert.equal(siteLocation(target), "/");
      assert.equal(authRedirect({ url: target, baseUrl: listen }), "/");
    }
  });

  it("Auth.js: its own base URL (the listen address) becomes a path", () => {
    assert.equal(authRedirect({ url: "/admin/items?q=a", baseUrl: listen }), "/admin/items?q=a");
    assert.equal(authRedirect({ url: `${listen}/login?error=x`, baseUrl: listen }), "/login?error=x");
    assert.equal(authRedirect({ url: listen, baseUrl: listen }), "/");
  });

  it("rewrites a Location on the request's own origin, and leaves others alone", () => {
    const own = keepOnSite(`${listen}/api/auth/signout`, Response.redirect(`${listen}/login?error=MissingCSRF`, 302));
    assert.equal(own.status, 302);
    assert.equal(own.headers.get("location"), "/login?error=MissingCSRF");
    const other = keepOnSite(`${listen}/api/auth/signin`, Response.redirect("https://idp.example/authorize", 302));
    assert.equal(other.headers.get("location"), "https://idp.example/authorize");
  });
});
