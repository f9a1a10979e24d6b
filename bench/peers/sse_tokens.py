#!/usr/bin/env python3
"""An OpenAI-style chat endpoint that streams TOKENS one-word tokens as fast as it can,
PER_WRITE server-sent events in each write (so a client reads several tokens per network
read), then [DONE]. Prints "http://127.0.0.1:PORT/v1" once listening; serves until killed.
Usage: sse_tokens.py TOKENS PER_WRITE"""
import json
import socket
import sys


def main():
    tokens, per_write = int(sys.argv[1]), int(sys.argv[2])
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    print(f"http://127.0.0.1:{listener.getsockname()[1]}/v1", flush=True)

    def event(delta, finish=None):
        chunk = {"id": "bench", "object": "chat.completion.chunk", "model": "bench",
                 "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
        return b"data: " + json.dumps(chunk).encode() + b"\n\n"

    while True:
        conn, _ = listener.accept()
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(65536)
            head, body = request.split(b"\r\n\r\n", 1)
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(body) < length:
                body += conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                         b"Cache-Control: no-cache\r\nConnection: close\r\n\r\n")
            batch = [event({"role": "assistant", "content": ""})]
            for i in range(tokens):
                batch.append(event({"content": f"w{i % 1000} "}))
                if len(batch) >= per_write:
                    conn.sendall(b"".join(batch))
                    batch = []
            batch.append(event({}, "stop"))
            batch.append(b"data: [DONE]\n\n")
            conn.sendall(b"".join(batch))


if __name__ == "__main__":
    main()
