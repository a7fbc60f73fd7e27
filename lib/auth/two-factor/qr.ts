import "server-only";
import QRCode from "qrcode";

/** The otpauth:// URI as an SVG QR code, rendered on the server (no script, no data: image for the CSP to allow). */
export async function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
