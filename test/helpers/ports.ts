import net from 'node:net';

/**
 * A TCP port that was free a moment ago on loopback, drawn below Linux's ephemeral
 * range (32768–60999): ports the kernel hands out to outgoing connections and to
 * `listen(0)` elsewhere cannot then take it between this probe and the caller's bind.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await bindable(port)) return port;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
