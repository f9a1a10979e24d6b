#!/usr/bin/python3
"""A misbehaving MCP server over stdio, for tst_mcpclient.

It talks like a real one (notifications before the initialize answer, a ping request of its
own, tools/list in pages) and each tool misbehaves on request: crash exits, hang never
answers, garbage writes a line that is not JSON-RPC. The first argument picks a startup
mode: ok, bad-version (answers initialize with an unknown protocol version), silent (never
answers initialize), endless-pages (tools/list always has a next page), ping-flood (once
initialized, sends pings for ever and never reads again), huge-line (once initialized, writes
a 20 MB line with no end).
"""
import json
import os
import sys

MODE = sys.argv[1] if len(sys.argv) > 1 else "ok"
TOOLS = [
    {"name": "echo", "description": "Says the text back", "annotations": {"readOnlyHint": True},
     "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}},
                     "required": ["text"]}},
    {"name": "fail", "description": "Always fails"},
    {"name": "whoami", "description": "Reports what the client did"},
    {"name": "crash", "description": "Exits mid-call"},
    {"name": "hang", "description": "Never answers"},
    {"name": "garbage", "description": "Writes a line that is not JSON-RPC"},
]
PAGE = 2
state = {"ping_answered": False, "initialized": False, "cancelled": []}


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def result(request_id, value):
    send({"jsonrpc": "2.0", "id": request_id, "result": value})


def text(request_id, content, is_error=False):
    result(request_id, {"content": [{"type": "text", "text": content}], "isError": is_error})


def handle(message):
    method = message.get("method")
    request_id = message.get("id")
    if method is None:  # a response to our ping
        if request_id == "server-ping-1" and "result" in message:
            state["ping_answered"] = True
        return
    if method == "initialize":
        send({"jsonrpc": "2.0", "method": "notifications/message",
              "params": {"level": "info", "data": "starting up"}})
        if MODE == "silent":
            return
        version = "1999-01-01" if MODE == "bad-version" else message["params"]["protocolVersion"]
        result(request_id, {"protocolVersion": version, "capabilities": {"tools": {}},
                            "serverInfo": {"name": "fake-mcp", "version": "1.0"}})
    elif method == "notifications/initialized":
        state["initialized"] = True
        if MODE == "ping-flood":
            n = 0
            while True:  # stdin is never read again
                n += 1
                send({"jsonrpc": "2.0", "id": "flood-%d" % n, "method": "ping"})
        if MODE == "huge-line":
            sys.stdout.write("x" * (20 * 1024 * 1024))
            sys.stdout.flush()
            sys.stdin.read()
        send({"jsonrpc": "2.0", "id": "server-ping-1", "method": "ping"})
        send({"jsonrpc": "2.0", "id": "server-ask-1", "method": "sampling/createMessage",
              "params": {}})
    elif method == "notifications/cancelled":
        state["cancelled"].append(message["params"]["requestId"])
    elif method == "tools/list":
        start = int(message.get("params", {}).get("cursor", "0"))
        page = {"tools": TOOLS[start:start + PAGE]}
        if start + PAGE < len(TOOLS):
            page["nextCursor"] = str(start + PAGE)
        if MODE == "endless-pages":
            page = {"tools": [{"name": "t%d" % start, "description": "again"}],
                    "nextCursor": str(start + 1)}
        result(request_id, page)
    elif method == "tools/call":
        name = message["params"]["name"]
        arguments = message["params"].get("arguments", {})
        if name == "echo":
            text(request_id, "echo: " + arguments.get("text", ""))
        elif name == "fail":
            text(request_id, "the fail tool failed, as asked", is_error=True)
        elif name == "whoami":
            text(request_id, json.dumps({"initialized": state["initialized"],
                                         "ping_answered": state["ping_answered"],
                                         "cancelled": state["cancelled"],
                                         "environment": dict(os.environ)}))
        elif name == "crash":
            sys.stderr.write("fake-mcp: crashing as asked\n")
            sys.stderr.flush()
            sys.exit(3)
        elif name == "hang":
            pass
        elif name == "garbage":
            sys.stdout.write("this is not json\n")
            sys.stdout.flush()
        else:
            send({"jsonrpc": "2.0", "id": request_id,
                  "error": {"code": -32602, "message": "unknown tool " + name}})
    elif request_id is not None:
        send({"jsonrpc": "2.0", "id": request_id,
              "error": {"code": -32601, "message": "method not found"}})


for line in sys.stdin:
    if line.strip():
        handle(json.loads(line))
