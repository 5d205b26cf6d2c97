// The checkout entry: the page entry's API with `planCart` working (the
// page entry's `planCart` throws `not_in_build`).
export * from "./index.js";
export { default } from "./index.js";
