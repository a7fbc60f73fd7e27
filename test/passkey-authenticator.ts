import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";

/**
 * A software authenticator for unit tests: one ES256 key, and the answers a
 * browser would send for it (an assertion over a challenge, for a relying
 * party id and origin, with a signature counter of the test's choosing).
 */
export interface SoftAuthenticator {
  credentialId: string;
  /** The COSE public key, base64url, as the passkeys table keeps it. */
  publicKey: string;
  answer(opts: { challenge: string; rpId: string; origin: string; counter: number; userVerified?: boolean }): AuthenticationResponseJSON;
}

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");

function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: "jwk" });
  const map = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
    [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
  ]);
  return isoCBOR.encode(map);
}

export function softAuthenticator(): SoftAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credentialId = b64(createHash("sha256").update(String(Math.random())).digest().subarray(0, 16));
  return {
    credentialId,
    publicKey: b64(coseKey(publicKey)),
    answer({ challenge, rpId, origin, counter, userVerified = true }) {
      const flags = 0x01 | (userVerified ? 0x04 : 0);
      const count = Buffer.alloc(4);
      count.writeUInt32BE(counter);
      const authData = Buffer.concat([createHash("sha256").update(rpId).digest(), Buffer.from([flags]), count]);
      const clientData = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge, origin, crossOrigin: false }));
      const signature = sign("sha256", Buffer.concat([authData, createHash("sha256").update(clientData).digest()]), privateKey);
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        clientExtensionResults: {},
        response: { authenticatorData: b64(authData), clientDataJSON: b64(clientData), signature: b64(signature) },
      };
    },
  };
}
