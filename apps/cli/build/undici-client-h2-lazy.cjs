'use strict';
// undici's client.js requires its HTTP/2 client at load time, and that requires
// `node:http2` (and through it `node:tls`): about 1x `node -e 0` of start-up for every
// command, although a connection only speaks HTTP/2 when TLS negotiates it (ALPN `h2`),
// and never against an http:// endpoint such as the emulator. In the csbs bundle,
// client.js gets this function instead, which loads the real one on the first h2
// connection. esbuild wraps each CommonJS module in a function run on its first
// require(), so the require below defers the whole module. It is the one export
// client.js takes from client-h2.js (undici 8: `module.exports = connectH2`).
let connectH2;

module.exports = function connectH2Lazily(client, socket) {
  connectH2 ??= require('undici/lib/dispatcher/client-h2.js');
  return connectH2(client, socket);
};
