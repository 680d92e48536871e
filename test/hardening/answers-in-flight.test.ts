// The shutdown's question "is every answer still being sent an event stream?" (api/answers-in-flight.ts),
// asked of a real HTTP server with answers held open: streams, plain answers, and pipelined requests.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { test } from 'node:test';
import { trackAnswersInFlight } from '../../api/answers-in-flight.ts';
import { atTestEnd } from '../support/cleanup.ts';

async function heldServer(t: Parameters<typeof atTestEnd>[0]) {
  const held: ServerResponse[] = [];
  const arrived: Array<() => void> = [];
  const server = createServer((request, response) => {
    if (request.url === '/stream') {
      // As the product's streams: headers set before writeHead (securityHeaders sets some on every answer).
      response.setHeader('content-type', 'text/event-stream');
      response.writeHead(200);
      response.write(': open\n\n');
    }
    held.push(response);
    arrived.shift()?.();
  });
  const tracker = trackAnswersInFlight(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  atTestEnd(t, () => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  const nextArrival = () => new Promise<void>((resolve) => arrived.push(resolve));
  return {
    tracker,
    held,
    /** Sends GET `path` on a connection of its own; resolves once the server has the request. */
    async open(path: string) {
      const arrival = nextArrival();
      httpRequest({ port, host: '127.0.0.1', path, agent: false })
        .on('error', () => {})
        .end();
      await arrival;
    },
    /** Two GETs on one connection, sent at once (HTTP/1.1 pipelining). */
    async pipeline(first: string, second: string) {
      const arrival = nextArrival();
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(`GET ${first} HTTP/1.1\r\nHost: x\r\n\r\nGET ${second} HTTP/1.1\r\nHost: x\r\n\r\n`);
      await arrival;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test('only event streams left: true with no answers or only streams open, false while a plain answer is being sent', async (t) => {
  const server = await heldServer(t);
  assert.equal(server.tracker.onlyEventStreamsLeft(), true, 'no connection at all');
  await server.open('/stream');
  assert.equal(server.tracker.onlyEventStreamsLeft(), true, 'one stream');
  await server.open('/plain');
  assert.equal(server.tracker.onlyEventStreamsLeft(), false, 'a plain answer not yet sent');
  server.held[1]?.end('done');
  await settle();
  assert.equal(server.tracker.onlyEventStreamsLeft(), true, 'the plain answer sent, its connection idle');
});

test('only event streams left: a plain answer pipelined ahead of a stream on one connection still counts', async (t) => {
  const server = await heldServer(t);
  await server.pipeline('/plain', '/stream');
  assert.equal(server.tracker.onlyEventStreamsLeft(), false, 'the first answer is plain and unfinished');
  server.held[0]?.end('done');
  // Node hands the connection to the queued stream once the first answer is sent.
  await settle();
  assert.equal(server.held.length, 2);
  assert.equal(server.tracker.onlyEventStreamsLeft(), true, 'only the stream is left');
});
