# The edge example on workerd (Cloudflare's open-source Workers runtime):
#   npm run edge    (shards the demo snapshot, then serves this on 127.0.0.1)
# The package's server build is listed module by module under the names a
# bare import resolves to, so worker.js imports it exactly as a user does.
# The snapshot shards come from a folder (`snapshots`, set on the command
# line with --directory-path): the worker fetches them like static assets.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .edgeWorker),
    (name = "snapshots", disk = (writable = false)),
  ],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);

const edgeWorker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "app.js", esModule = embed "app.js"),
    (name = "storefront-availability/server", esModule = embed "../../pkg/server.js"),
    (name = "storefront-availability/storefront_availability_server.js", esModule = embed "../../pkg/storefront_availability_server.js"),
    (name = "storefront-availability/error.js", esModule = embed "../../pkg/error.js"),
    (name = "storefront-availability/elements", esModule = embed "../../pkg/elements.js"),
    (name = "storefront-availability/storefront_availability_server_bg.wasm", wasm = embed "../../pkg/storefront_availability_server_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  bindings = [
    (name = "SNAPSHOTS", service = "snapshots"),
    (name = "CURRENCY", text = "USD"),
    # How often the worker looks for a new snapshot index (milliseconds).
    (name = "REFRESH_MS", text = "1000"),
  ],
);
