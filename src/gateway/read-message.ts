import type { IncomingMessage } from "node:http";

/**
 * The whole body of a Node message (a client's request, or Bedrock's answer on the lean path), in one Buffer.
 * With a limit, the read stops as soon as the body passes it and rejects with `limit.error()`; the rest is
 * left to whoever owns the socket. A message that closes before its end rejects.
 */
export function readMessage(msg: IncomingMessage, limit?: { maxBytes: number; error: () => Error }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (msg.readableEnded) {
      resolve(Buffer.alloc(0));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      msg.off("data", onData);
      msg.off("end", onEnd);
      msg.off("error", onFail);
      msg.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (limit && size > limit.maxBytes) {
        done();
        reject(limit.error());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onFail = (err: Error) => {
      done();
      reject(err);
    };
    const onClose = () => {
      if (!msg.complete) onFail(new Error("the connection closed before the body ended"));
    };
    msg.on("data", onData);
    msg.on("end", onEnd);
    msg.on("error", onFail);
    msg.on("close", onClose);
  });
}
