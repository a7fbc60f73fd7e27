import { expect, type CDPSession, type Page } from "@playwright/test";
import { STRONG_PASSWORD } from "./cli";

/**
 * Chromium's virtual authenticator (the DevTools WebAuthn domain) in one
 * page: a platform authenticator with a screen lock that always verifies the
 * user, so passkey ceremonies run without anyone touching anything. Its
 * credentials can be read and planted (a cloned authenticator).
 */

export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

/**
 * The virtual authenticator answers the e-mail field's autofill request
 * (conditional mediation) at once, as if the user had picked the passkey: a
 * page that is to use the button or a password first gets a browser without
 * that autofill.
 */
export async function withoutPasskeyAutofill(page: Page): Promise<void> {
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}

export async function storedCredentials(a: VirtualAuthenticator): Promise<VirtualCredential[]> {
  return (await a.cdp.send("WebAuthn.getCredentials", { authenticatorId: a.authenticatorId })).credentials as VirtualCredential[];
}

/** Replaces what the authenticator holds with `credentials` (e.g. a copy with an older signature count). */
export async function replaceCredentials(a: VirtualAuthenticator, credentials: VirtualCredential[]): Promise<void> {
  await a.cdp.send("WebAuthn.clearCredentials", { authenticatorId: a.authenticatorId });
  for (const credential of credentials) await a.cdp.send("WebAuthn.addCredential", { authenticatorId: a.authenticatorId, credential });
}

/** Adds a passkey from /account under `name`, proving the current password. */
export async function addPasskey(page: Page, name: string, password = STRONG_PASSWORD): Promise<void> {
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Passkey name").fill(name);
  await form.getByLabel("Confirm with your password").fill(password);
  await form.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("The passkey was added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your passkeys" }).getByText(name, { exact: true })).toBeVisible();
}

/** Rewrites the origin inside the clientDataJSON of every passkey answer this page posts: an answer made for another site. */
export async function forgeAnswerOrigin(page: Page, origin: string): Promise<void> {
  await page.route("**/*", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body?.includes("clientDataJSON")) return route.continue();
    const forged = body.replace(/(\\?"clientDataJSON\\?":\\?")([A-Za-z0-9_-]+)/, (_, head: string, data: string) => {
      const client = JSON.parse(Buffer.from(data, "base64url").toString("utf8")) as { origin: string };
      return head + Buffer.from(JSON.stringify({ ...client, origin })).toString("base64url");
    });
    expect(forged).not.toBe(body);
    await route.continue({ postData: forged });
  });
}

/** Rewrites the credential id of every passkey answer this page posts (an id the site never saw, of any length). */
export async function forgeAnswerId(page: Page, id: string): Promise<void> {
  await page.route("**/*", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body?.includes("clientDataJSON")) return route.continue();
    const forged = body.replace(/(\\?"id\\?":\\?")([A-Za-z0-9_-]+)/, (_, head: string) => head + id);
    expect(forged).not.toBe(body);
    await route.continue({ postData: forged });
  });
}
