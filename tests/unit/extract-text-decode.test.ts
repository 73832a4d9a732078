import { describe, expect, it } from "vitest";
import { cyrillicPlausibility, decodeBytes, MAX_INPUT_BYTES } from "@/lib/extract/text/decode";
import { ExtractionError } from "@/lib/extract/types";

/** Encodes text in a single-byte code page by inverting the platform's own decoder table. */
function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (table.get(ch) ?? 0x3f))));
}

const ARTICLE =
  "Министр иностранных дел Монголии Батмунх Баттсэцэг провела в Улан-Баторе переговоры с послом Казахстана.\n\n" +
  "Стороны обсудили торгово-экономическое сотрудничество, транзит грузов и подготовку визита на высшем уровне. " +
  // KOI8-R and IBM866 have no guillemets or em dash, so the sample keeps to what all three code pages hold.
  '"Мы высоко ценим добрососедские отношения", - сказала министр.';

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a byte order mark", () => {
    const bytes = new TextEncoder().encode(ARTICLE);
    expect(decodeBytes(bytes)).toEqual({ text: ARTICLE, encoding: "utf-8" });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeBytes(withBom)).toEqual({ text: ARTICLE, encoding: "utf-8" });
  });

  it.each(["windows-1251", "koi8-r", "ibm866"])("recognises Russian written in %s", (encoding) => {
    const decoded = decodeBytes(encodeSingleByte(ARTICLE, encoding));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(ARTICLE);
  });

  it("tells windows-1251 from KOI8-R on a short headline too", () => {
    const headline = "Токаев провел телефонный разговор с президентом Франции";
    expect(decodeBytes(encodeSingleByte(headline, "koi8-r")).text).toBe(headline);
    expect(decodeBytes(encodeSingleByte(headline, "windows-1251")).text).toBe(headline);
  });

  it("follows the charset an HTML page declares", () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>${ARTICLE}</p></body></html>`;
    const decoded = decodeBytes(encodeSingleByte(html, "koi8-r"));
    expect(decoded.encoding).toBe("koi8-r");
    expect(decoded.text).toContain("Батмунх Баттсэцэг");
  });

  it("refuses an empty file and a file of blanks", () => {
    expect(() => decodeBytes(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeBytes(new TextEncoder().encode(" \n\t\n"))).toThrow(/empty/);
  });

  it("refuses binary data", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeBytes(png)).toThrow(ExtractionError);
    expect(() => decodeBytes(png)).toThrow(/binary/);
    const controls = Uint8Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expect(() => decodeBytes(controls)).toThrow(/binary/);
  });

  it("refuses a file over the size limit and names the limit", () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
    expect(() => decodeBytes(big)).toThrow(/too large.*5 MB/);
  });

  it("refuses bytes that are neither UTF-8 nor Russian in a Cyrillic code page", () => {
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 37) % 128));
    expect(() => decodeBytes(noise)).toThrow(/cannot decode/);
  });

  it("refuses UTF-16", () => {
    expect(() => decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toThrow(/UTF-16/);
  });

  it("scores real Russian as plausible and a wrong code page as not", () => {
    const bytes = encodeSingleByte(ARTICLE, "windows-1251");
    expect(cyrillicPlausibility(new TextDecoder("windows-1251").decode(bytes))).toBeGreaterThan(0.8);
    expect(cyrillicPlausibility(new TextDecoder("koi8-r").decode(bytes))).toBeLessThan(0.5);
  });
});

describe("decodeBytes on Western text", () => {
  it("refuses Latin-1 French instead of reading it as Cyrillic", () => {
    const french = "Le ministre des Affaires étrangères a reçu l'ambassadeur à Genève; la réunion a été très productive. ".repeat(5);
    const latin1 = Uint8Array.from([...french].map((ch) => ch.charCodeAt(0)));
    expect(() => decodeBytes(latin1)).toThrow(/cannot decode/);
  });
});
