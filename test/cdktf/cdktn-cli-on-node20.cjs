// cdktn-cli 0.24 declares Node >= 22.19: its bundled undici calls worker_threads.markAsUncloneable (Node 22) at
// load. This project's CI has Node 20, so the tests preload this one no-op in front of cdktn-cli
// (node --require this-file cdktn.js ...). It marks web objects as not cloneable between workers, which cdktn
// never does. Users run cdktn-cli on Node 22 as its engines field says; docs/cdktf.md tells them.
const workerThreads = require("node:worker_threads");
if (typeof workerThreads.markAsUncloneable !== "function") workerThreads.markAsUncloneable = () => {};
