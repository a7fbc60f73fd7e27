const base = "http://localhost:3611";
async function login(email) {
const r0 = await fetch(base + "/api/auth/csrf");
const { csrfToken } = await r0.json();
const cookie = r0.headers.getSetCookie().map(c => c.split(";")[0]).join("; ");
const r = await fetch(base + "/api/auth/callback/credentials", { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base }, body: new URLSearchParams({ csrfToken, email, password: "password" }) });
return [r.status, r.headers.get("location")];
}
console.log(await Promise.all(["admin@example.com","someone@example.com","editor@example.com"].map(login)));
