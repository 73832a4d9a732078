// Entry of an extraction thread (plain JavaScript, so it runs without a build step):
// registers tsx to load the TypeScript extractor, then serves extraction requests.
import { register } from "tsx/esm/api";

register();
await import("./thread.ts");
