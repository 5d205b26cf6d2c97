export * from "./index.js";
/** Already initialized on import in Node; kept so browser code runs unchanged. */
export default function init(): Promise<void>;
