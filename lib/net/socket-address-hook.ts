import http from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("gatehouse.socketAddressHook");

/**
 * Stamps each incoming request with its socket's remote address in a header
 * only the server sets. Installed once per process from instrumentation.ts.
 */
export function installSocketAddressHook(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
