import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatInstant, resolveTimeZone, selectableTimeZones } from "../lib/time-format";

/**
 * One rule for every time the panel shows: the zone chosen on /account, else
 * the browser's (the tz cookie), else UTC; written in the request's language.
 */
describe("time zones", () => {
  it("take the stored choice over the cookie, the cookie over UTC", () => {
    assert.equal(resolveTimeZone("Asia/Tokyo", "Europe/Berlin"), "Asia/Tokyo");
    assert.equal(resolveTimeZone(null, "Europe/Berlin"), "Europe/Berlin");
    assert.equal(resolveTimeZone(undefined, undefined), "UTC");
    assert.equal(resolveTimeZone(null, null), "UTC");
  });

  it("skip a stored or cookie zone Intl does not know, and name a known one canonically", () => {
    assert.equal(resolveTimeZone("Mars/Olympus", "Europe/Berlin"), "Europe/Berlin");
    assert.equal(resolveTimeZone("", "europe/berlin"), "Europe/Berlin");
    assert.equal(resolveTimeZone("Mars/Olympus", "../etc"), "UTC");
    assert.equal(resolveTimeZone(42, "Asia/Tokyo; x"), "UTC");
  });

  it("offer Intl's zones and UTC on /account, each once", () => {
    const zones = selectableTimeZones();
    for (const zone of ["UTC", "Asia/Tokyo", "Europe/Berlin", "America/New_York"]) assert.ok(zones.includes(zone), zone);
    assert.equal(new Set(zones).size, zones.length);
    assert.ok(!zones.includes("europe/berlin"));
  });

  it("write a time in the request's language: English unchanged, German its own way", () => {
    const at = new Date("2026-12-04T13:05:00.000Z");
    assert.equal(formatInstant(at, "Europe/Berlin"), "2026-12-04 14:05 GMT+1");
    assert.equal(formatInstant(at, "Europe/Berlin", false, "en"), "2026-12-04 14:05 GMT+1");
    assert.equal(formatInstant(at, "Europe/Berlin", false, "en-XA"), "2026-12-04 14:05 GMT+1");
    assert.equal(formatInstant(at, "Europe/Berlin", false, "de"), "4. Dez. 2026, 14:05");
    assert.equal(formatInstant(at, "Asia/Tokyo", false, "de"), "4. Dez. 2026, 22:05");
    assert.equal(formatInstant(at, "Asia/Tokyo", true, "de"), "4. Dez. 2026");
    assert.equal(formatInstant(new Date("2026-12-04T20:00:00Z"), "Asia/Tokyo", true, "de"), "5. Dez. 2026");
    // Named (a mail, read away from the panel): the zone in every language; English names it anyway.
    assert.equal(formatInstant(at, "Europe/Berlin", false, "de", true), "4. Dez. 2026, 14:05 MEZ");
    assert.equal(formatInstant(at, "Europe/Berlin", false, "en", true), "2026-12-04 14:05 GMT+1");
    assert.equal(formatInstant(at, "Europe/Berlin", false, "de"), "4. Dez. 2026, 14:05");
  });

  it("write English times as Intl's parts do, in zones with odd offsets, DST and changed names, 1890 to 2040", () => {
    const reference = (value: Date, timeZone: string) => {
      const parts: Record<string, string> = {};
      for (const p of new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).formatToParts(value)) parts[p.type] = p.value;
      return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
    };
    for (const zone of ["UTC", "Europe/Berlin", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"]) {
      for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2040, 0, 1); t += 13 * 86_400_000 + 7 * 3_600_000 + 13 * 60_000 + 17_000) {
        const at = new Date(t);
        assert.equal(formatInstant(at, zone), reference(at, zone), `${zone} ${at.toISOString()}`);
        assert.equal(formatInstant(at, zone, true), reference(at, zone).slice(0, 10), `${zone} ${at.toISOString()} (date)`);
      }
    }
  });
});
