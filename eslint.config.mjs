import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["node_modules/**", ".next*/**", ".data/**", "db/migrations/**", "next-env.d.ts", "tests/fixtures/**"] },
];
export default config;
