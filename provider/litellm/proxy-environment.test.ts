// HTTP_PROXY/HTTPS_PROXY/NO_PROXY read as Go's http.ProxyFromEnvironment reads them (golang.org/x/net/http/httpproxy).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { proxyFor, ProxyConfigError, type ProxyEnv } from "./proxy-environment";

const via = (url: string, env: ProxyEnv) => proxyFor(new URL(url), env)?.href;

describe("which variable applies", () => {
  it("https URLs use HTTPS_PROXY, http URLs HTTP_PROXY", () => {
    const env = { HTTP_PROXY: "http://plain:1", HTTPS_PROXY: "http://secure:2" };
    assert.equal(via("https://litellm.example.com", env), "http://secure:2/");
    assert.equal(via("http://litellm.example.com", env), "http://plain:1/");
    assert.equal(via("https://litellm.example.com", { HTTP_PROXY: "http://plain:1" }), undefined, "HTTP_PROXY is not used for https");
  });

  it("the upper-case variable wins when both are set, as in Go; the lower-case one alone works", () => {
    assert.equal(via("https://x.example", { HTTPS_PROXY: "http://upper:1", https_proxy: "http://lower:2" }), "http://upper:1/");
    assert.equal(via("https://x.example", { https_proxy: "http://lower:2" }), "http://lower:2/");
    assert.equal(via("https://x.example", { HTTPS_PROXY: "", https_proxy: "http://lower:2" }), "http://lower:2/", "an empty variable counts as unset");
    assert.equal(via("https://x.example", { HTTPS_PROXY: "http://p:1", NO_PROXY: "", no_proxy: "x.example" }), undefined);
  });

  it("a proxy without a scheme means http://; https:// proxies are kept; credentials are kept for the proxy", () => {
    assert.equal(via("https://x.example", { HTTPS_PROXY: "proxy.corp:3128" }), "http://proxy.corp:3128/");
    assert.equal(via("https://x.example", { HTTPS_PROXY: "https://proxy.corp:8443" }), "https://proxy.corp:8443/");
    assert.equal(via("https://x.example", { HTTPS_PROXY: "http://u:p%40ss@proxy.corp:3128" }), "http://u:p%40ss@proxy.corp:3128/");
  });

  it("SOCKS5 proxies are refused with an error that keeps the password out", () => {
    assert.throws(
      () => via("https://x.example", { HTTPS_PROXY: "socks5://user:secret@proxy:1080" }),
      (e: Error) => e instanceof ProxyConfigError && /SOCKS5/.test(e.message) && !e.message.includes("secret"),
    );
  });

  it("HTTP_PROXY is refused in a CGI environment, as Go refuses it", () => {
    assert.throws(() => via("http://x.example", { HTTP_PROXY: "http://p:1", REQUEST_METHOD: "GET" }), /CGI/);
  });
});

describe("never proxied", () => {
  const env = { HTTP_PROXY: "http://p:1", HTTPS_PROXY: "http://p:1" };
  for (const url of ["http://localhost:4000", "https://localhost", "http://127.0.0.1:4000", "http://127.8.9.10", "http://[::1]:4000", "http://[::ffff:127.0.0.1]:80"]) {
    it(url, () => assert.equal(via(url, env), undefined));
  }
  it("but a name that merely starts with localhost is", () => assert.equal(via("http://localhost.example.com", env), "http://p:1/"));
});

describe("NO_PROXY", () => {
  const cases: [string, string, boolean][] = [
    // [NO_PROXY, URL, proxied?]
    ["*", "https://litellm.example.com", false],
    ["example.com", "https://example.com", false],
    ["example.com", "https://litellm.example.com", false],
    ["example.com", "https://notexample.com", true],
    [".example.com", "https://example.com", true],
    [".example.com", "https://litellm.example.com", false],
    ["*.example.com", "https://example.com", true],
    ["*.example.com", "https://a.b.example.com", false],
    ["EXAMPLE.com", "https://LiteLLM.Example.COM", false],
    ["example.com:4000", "http://litellm.example.com:4000", false],
    ["example.com:4000", "http://litellm.example.com:5000", true],
    ["example.com:443", "https://litellm.example.com", false],
    ["10.1.2.3", "http://10.1.2.3:4000", false],
    ["10.1.2.3", "http://10.1.2.4:4000", true],
    ["10.1.2.3:4000", "http://10.1.2.3:4000", false],
    ["10.1.2.3:4000", "http://10.1.2.3:5000", true],
    ["10.0.0.0/8", "http://10.200.3.4", false],
    ["10.0.0.0/8", "http://11.0.0.1", true],
    ["192.168.1.0/24", "http://192.168.1.77", false],
    ["192.168.1.0/24", "http://192.168.2.77", true],
    ["fd00::/8", "http://[fd12::1]:4000", false],
    ["fd00::/8", "http://[fe80::1]:4000", true],
    ["[2001:db8::1]:4000", "http://[2001:db8::1]:4000", false],
    ["2001:db8::1", "http://[2001:db8::1]:4000", false],
    ["  other.org , example.com ", "https://litellm.example.com", false],
    ["other.org,,:80,", "https://litellm.example.com", true],
    ["10.0.0.0/8", "https://ten.example.com", true],
  ];
  for (const [noProxy, url, proxied] of cases) {
    it(`${JSON.stringify(noProxy)}: ${url} ${proxied ? "goes through the proxy" : "goes direct"}`, () => {
      assert.equal(via(url, { HTTP_PROXY: "http://p:1", HTTPS_PROXY: "http://p:1", NO_PROXY: noProxy }) !== undefined, proxied);
    });
  }
});
