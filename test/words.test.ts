import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatInstant, validTimeZone } from "../lib/time-format";
import { countOf, plural } from "../lib/resources/words";

describe("words", () => {
  it("counts in the resource's own noun, singular and plural", () => {
    assert.equal(plural("Item"), "Items");
    assert.equal(plural("Audit entry"), "Audit entries");
    assert.equal(plural("Box"), "Boxes");
    assert.equal(plural("Day"), "Days");
    assert.equal(countOf(1, "Item"), "1 item");
    assert.equal(countOf(298, "Item"), "298 items");
    assert.equal(countOf(0, "User"), "0 users");
    assert.equal(countOf(10_000, "Audit entry", true), "10,000+ audit entries");
  });

  it("accepts only time zones Intl knows, from a cookie", () => {
    assert.equal(validTimeZone("Europe/Berlin"), "Europe/Berlin");
    assert.equal(validTimeZone("UTC"), "UTC");
    // A variant of a name is the name itself (the formatter cache keeps canonical names only).
    assert.equal(validTimeZone("europe/BERLIN"), "Europe/Berlin");
    for (const bad of ["Mars/Olympus", "", "../etc", "Europe/Berlin; x", "a".repeat(65), undefined, 3]) assert.equal(validTimeZone(bad), null, String(bad));
  });

  it("formats an instant in a zone, the same way everywhere", () => {
    const at = new Date("2025-01-05T14:30:59.000Z");
    assert.equal(formatInstant(at, "UTC"), "2025-01-05 14:30 UTC");
    assert.equal(formatInstant(at, "Asia/Tokyo"), "2025-01-05 23:30 GMT+9");
    assert.equal(formatInstant(at, "Asia/Tokyo", true), "2025-01-05");
    assert.equal(formatInstant(new Date("2025-01-05T20:00:00Z"), "Asia/Tokyo"), "2025-01-06 05:00 GMT+9");
  });
});
