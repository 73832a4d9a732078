// Strict-Transport-Security, decided when the server runs (not when it was built): a
// build made with an http: AUTH_URL and started with an https: one must still send it,
// and the reverse must not. The proxy adds it to every page response, which is where a
// browser learns it.
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export function servesHttps(): boolean {
  // Read by name at run time (a literal process.env.AUTH_URL could be inlined by the bundler).
  const name = "AUTH_URL";
  return (process.env[name] ?? "").startsWith("https:");
}

export function withTransportSecurity<R extends Response>(response: R): R {
  if (servesHttps()) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}
