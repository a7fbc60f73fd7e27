const base = "http://localhost:3611";
const r0 = await fetch(base + "/api/auth/csrf");
const { csrfToken } = await r0.json();
const cookie = r0.headers.getSetCookie().map(c => c.split(";")[0]).join("; ");
const r = await fetch(base + "/api/auth/callback/credentials", { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base }, body: new URLSearchParams({ csrfToken, email: "admin@example.com", password: "password" }) });
console.log(r.status, r.headers.get("location"));
