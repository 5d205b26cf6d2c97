// The server entry (Node's default): everything, e-mails included, in a
// wasm module compiled for speed.
export * from "./index.js";
export { default } from "./index.js";
